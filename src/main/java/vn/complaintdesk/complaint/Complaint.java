package vn.complaintdesk.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One complaint as stored in our table (the sổ theo dõi khiếu nại). */
public record Complaint(
        long id,
        String reference,
        ComplaintStatus status,
        Channel channel,
        SocialNetwork socialNetwork,
        Category category,
        String priority,
        String suggestedDepartment,
        String subject,
        String description,
        LocalDate incidentDate,
        OffsetDateTime receivedAt,
        Customer customer,
        String trackingToken,
        OffsetDateTime trackingExpiresAt,
        int round,
        String recordedBy,
        OffsetDateTime closedAt) {

    /**
     * @param phone the number in E.164 ({@link PhoneNumbers}), what the desk compares
     * @param phoneAsGiven the number as the customer or staff wrote it, what the pages show
     */
    public record Customer(String name, String email, String phone, String accountId, CustomerTier tier,
            String language, String phoneAsGiven) {

        /** A customer whose number is shown as stored. */
        public Customer(String name, String email, String phone, String accountId, CustomerTier tier,
                String language) {
            this(name, email, phone, accountId, tier, language, phone);
        }

        /** The number as it was written, for people to read. */
        public String displayPhone() {
            return phoneAsGiven != null ? phoneAsGiven : phone;
        }
    }
}
