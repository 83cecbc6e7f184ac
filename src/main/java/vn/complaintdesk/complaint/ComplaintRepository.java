package vn.complaintdesk.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ComplaintRepository {

    private final JdbcClient jdbc;

    public ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Complaint c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO complaint (reference, status, channel, social_network, category, priority,
                    suggested_department, subject, description, incident_date, received_at, customer_name,
                    customer_email, customer_email_key, customer_phone, customer_phone_as_given,
                    customer_account_id, customer_tier, customer_language, tracking_token, handling_round,
                    recorded_by)
                VALUES (:reference, :status, :channel, :socialNetwork, :category, :priority, :department,
                    :subject, :description, :incidentDate, :receivedAt, :name, :email, :emailKey, :phone,
                    :phoneAsGiven, :accountId, :tier, :language, :token, :round, :recordedBy)
                """)
                .param("reference", c.reference())
                .param("status", c.status().name())
                .param("channel", c.channel().name())
                .param("socialNetwork", c.socialNetwork() == null ? null : c.socialNetwork().name())
                .param("category", c.category().name())
                .param("priority", c.priority())
                .param("department", c.suggestedDepartment())
                .param("subject", c.subject())
                .param("description", c.description())
                .param("incidentDate", c.incidentDate())
                .param("receivedAt", c.receivedAt())
                .param("name", c.customer().name())
                .param("email", c.customer().email())
                .param("emailKey", emailKey(c.customer().email()))
                .param("phone", c.customer().phone())
                .param("phoneAsGiven", c.customer().phoneAsGiven())
                .param("accountId", c.customer().accountId())
                .param("tier", c.customer().tier().name())
                .param("language", c.customer().language())
                .param("token", c.trackingToken())
                .param("round", c.round())
                .param("recordedBy", c.recordedBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Complaint> findByReference(String reference) {
        return jdbc.sql("SELECT * FROM complaint WHERE reference = :reference")
                .param("reference", reference)
                .query(ComplaintRepository::map)
                .optional();
    }

    public java.util.Map<String, Complaint> findByReferences(java.util.Set<String> references) {
        if (references.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT * FROM complaint WHERE reference IN (:references)")
                .param("references", references)
                .query(ComplaintRepository::map).list().stream()
                .collect(java.util.stream.Collectors.toMap(Complaint::reference, c -> c));
    }

    public Optional<Complaint> findById(long id) {
        return jdbc.sql("SELECT * FROM complaint WHERE id = :id").param("id", id)
                .query(ComplaintRepository::map).optional();
    }

    public Complaint require(String reference) {
        return findByReference(reference).orElseThrow(() -> new ComplaintNotFoundException(reference));
    }

    public void updateStatus(long id, ComplaintStatus status) {
        jdbc.sql("UPDATE complaint SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    public void updateTriage(long id, String priority, String department) {
        jdbc.sql("UPDATE complaint SET priority = :priority, suggested_department = :department WHERE id = :id")
                .param("priority", priority).param("department", department).param("id", id).update();
    }

    public void updateRound(long id, int round) {
        jdbc.sql("UPDATE complaint SET handling_round = :round WHERE id = :id")
                .param("round", round).param("id", id).update();
    }

    public void markClosed(long id, OffsetDateTime closedAt, OffsetDateTime trackingExpiresAt) {
        jdbc.sql("""
                UPDATE complaint SET status = 'CLOSED', closed_at = :closedAt, tracking_expires_at = :expires
                WHERE id = :id""")
                .param("closedAt", closedAt).param("expires", trackingExpiresAt).param("id", id).update();
    }

    public void recordResolutionTime(long id, int workingDays) {
        jdbc.sql("UPDATE complaint SET resolution_working_days = :days WHERE id = :id")
                .param("days", workingDays).param("id", id).update();
    }

    public void setTrackingExpiry(long id, OffsetDateTime trackingExpiresAt) {
        jdbc.sql("UPDATE complaint SET tracking_expires_at = :expires WHERE id = :id")
                .param("expires", trackingExpiresAt).param("id", id).update();
    }

    /** How an e-mail address is compared and indexed ({@code customer_email_key}): trimmed, lower case. */
    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Row mapper for other features' queries over the complaint table. */
    public static Complaint mapRow(ResultSet rs, int row) throws SQLException {
        return map(rs, row);
    }

    static Complaint map(ResultSet rs, int row) throws SQLException {
        String social = rs.getString("social_network");
        return new Complaint(
                rs.getLong("id"),
                rs.getString("reference"),
                ComplaintStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                social == null ? null : SocialNetwork.valueOf(social),
                Category.valueOf(rs.getString("category")),
                rs.getString("priority"),
                rs.getString("suggested_department"),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getObject("incident_date", LocalDate.class),
                rs.getObject("received_at", OffsetDateTime.class),
                new Complaint.Customer(
                        rs.getString("customer_name"),
                        rs.getString("customer_email"),
                        rs.getString("customer_phone"),
                        rs.getString("customer_account_id"),
                        CustomerTier.valueOf(rs.getString("customer_tier")),
                        rs.getString("customer_language"),
                        rs.getString("customer_phone_as_given")),
                rs.getString("tracking_token"),
                rs.getObject("tracking_expires_at", OffsetDateTime.class),
                rs.getInt("handling_round"),
                rs.getString("recorded_by"),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
