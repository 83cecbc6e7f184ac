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

    public record Customer(String name, String email, String phone, String accountId, CustomerTier tier,
            String language) {
    }
}
