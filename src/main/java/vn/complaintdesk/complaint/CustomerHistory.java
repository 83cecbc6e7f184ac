package vn.complaintdesk.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A customer's whole file, found by what identifies them on any channel: account id, e-mail or
 * phone. Repeat complainants are those with other complaints under any of these.
 */
@Repository
public class CustomerHistory {

    public record Entry(Complaint complaint, String remedy, Long amount, Integer rating) {
    }

    public record Contact(OffsetDateTime at, String reference, String kind, String detail) {
    }

    private final JdbcClient jdbc;

    public CustomerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Complaints of the same customer as the given one (itself included), newest first. */
    public List<Entry> of(Complaint.Customer customer) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        condition(where, params, "customer_account_id", "account", customer.accountId());
        condition(where, params, "LOWER(customer_email)", "email", lower(customer.email()));
        condition(where, params, "customer_phone", "phone", digits(customer.phone()) == null ? null : customer.phone());
        if (where.isEmpty()) {
            return List.of();
        }
        List<Complaint> complaints = jdbc.sql("SELECT * FROM complaint WHERE " + where
                + " ORDER BY received_at DESC, id DESC LIMIT 500").params(params)
                .query(ComplaintRepository::map).list();
        return complaints.stream().map(c -> new Entry(c,
                jdbc.sql("SELECT remedy FROM resolution_proposal WHERE complaint_id = :c ORDER BY proposed_at DESC, id DESC")
                        .param("c", c.id()).query(String.class).list().stream().findFirst().orElse(null),
                jdbc.sql("SELECT amount FROM resolution_proposal WHERE complaint_id = :c ORDER BY proposed_at DESC, id DESC")
                        .param("c", c.id()).query((rs, n) -> (Long) rs.getObject(1, Long.class)).list().stream()
                        .filter(Objects::nonNull).findFirst().orElse(null),
                jdbc.sql("SELECT rating FROM survey_result WHERE complaint_id = :c ORDER BY answered_at DESC")
                        .param("c", c.id()).query(Integer.class).list().stream().findFirst().orElse(null)))
                .toList();
    }

    /** Everything sent to or received from the customer across their complaints, newest first. */
    public List<Contact> contactLog(Collection<Complaint> complaints) {
        Set<Long> ids = complaints.stream().map(Complaint::id).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT n.created_at, c.reference, n.type, n.channel || ' → ' || n.recipient
                FROM notification n JOIN complaint c ON c.id = n.complaint_id
                WHERE n.complaint_id IN (:ids) AND n.channel <> 'STAFF'
                UNION ALL
                SELECT e.occurred_at, c.reference, e.event_type, e.detail
                FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id
                WHERE e.complaint_id IN (:ids) AND e.actor = 'customer'
                ORDER BY 1 DESC""")
                .param("ids", ids)
                .query((rs, n) -> new Contact(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** For each given complaint, how many other complaints the same customer has. */
    public Map<String, Integer> otherComplaints(Collection<Complaint> complaints) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Complaint c : complaints) {
            StringBuilder where = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            condition(where, params, "customer_account_id", "account", c.customer().accountId());
            condition(where, params, "LOWER(customer_email)", "email", lower(c.customer().email()));
            condition(where, params, "customer_phone", "phone", c.customer().phone());
            long others = where.isEmpty() ? 0 : jdbc.sql("SELECT COUNT(*) FROM complaint WHERE (" + where
                    + ") AND id <> :id").params(params).param("id", c.id()).query(Long.class).single();
            counts.put(c.reference(), (int) others);
        }
        return counts;
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String name,
            Object value) {
        if (value == null) {
            return;
        }
        where.append(where.isEmpty() ? "" : " OR ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String digits(String value) {
        return value == null || value.isBlank() ? null : value.replaceAll("\\D", "");
    }
}
