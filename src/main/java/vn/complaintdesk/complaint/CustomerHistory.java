package vn.complaintdesk.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** A message sent to the customer ({@code message}: {@code kind} is its type) or their own log-book entry. */
    public record Contact(OffsetDateTime at, String reference, String kind, String detail, boolean message,
            Map<String, String> params) {
    }

    private final JdbcClient jdbc;
    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public CustomerHistory(JdbcClient jdbc, HandlingRecords records, ComplaintEventLog eventLog) {
        this.eventLog = eventLog;
        this.jdbc = jdbc;
        this.records = records;
    }

    /** Complaints of the same customer as the given one (itself included), newest first. */
    public List<Entry> of(Complaint.Customer customer) {
        Map<String, Object> params = new HashMap<>();
        String sameCustomer = sameCustomer(customer, params);
        if (sameCustomer.isEmpty()) {
            return List.of();
        }
        List<Complaint> complaints = jdbc.sql("SELECT * FROM complaint WHERE id IN (" + sameCustomer + ")"
                + " ORDER BY received_at DESC, id DESC LIMIT 500").params(params)
                .query(ComplaintRepository::map).list();
        List<Long> ids = complaints.stream().map(Complaint::id).toList();
        Map<Long, HandlingRecords.Proposal> proposals = records.latestProposals(ids);
        Map<Long, HandlingRecords.Survey> surveys = records.surveys(ids);
        return complaints.stream().map(c -> {
            HandlingRecords.Proposal proposal = proposals.get(c.id());
            HandlingRecords.Survey survey = surveys.get(c.id());
            return new Entry(c, proposal == null ? null : proposal.remedy(),
                    proposal == null ? null : proposal.amount(), survey == null ? null : survey.rating());
        }).toList();
    }

    /** Complaints of the same customer received within the given period (bounds included), oldest first. */
    public List<Complaint> receivedBetween(Complaint.Customer customer, OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> params = new HashMap<>();
        String ids = sameCustomer(customer, params);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM complaint WHERE id IN (" + ids + ") AND received_at BETWEEN :from AND :to"
                + " ORDER BY received_at, id LIMIT 500").params(params).param("from", from).param("to", to)
                .query(ComplaintRepository::map).list();
    }

    /**
     * The tier staff last recorded for this customer: the desk's own record, which is what a
     * customer filing by themself gets, whatever tier they claim.
     */
    public Optional<CustomerTier> tierRecordedByStaff(Complaint.Customer customer) {
        Map<String, Object> params = new HashMap<>();
        String ids = sameCustomer(customer, params);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT customer_tier FROM complaint WHERE id IN (" + ids + ") AND recorded_by NOT IN (:notStaff)"
                        + " ORDER BY received_at DESC, id DESC LIMIT 1")
                .params(params).param("notStaff", List.of(ComplaintEventLog.CUSTOMER, ComplaintEventLog.SYSTEM))
                .query((rs, n) -> CustomerTier.valueOf(rs.getString(1))).optional();
    }

    /** Whether both complaints are of the same customer, by the condition their history uses. */
    public boolean sameCustomer(Complaint one, Complaint other) {
        Map<String, Object> params = new HashMap<>();
        String ids = sameCustomer(one.customer(), params);
        return !ids.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM complaint WHERE id = :id AND id IN (" + ids + ")")
                .params(params).param("id", other.id()).query(Long.class).single() > 0;
    }

    /** Everything sent to or received from the customer across their complaints, newest first. */
    public List<Contact> contactLog(Collection<Complaint> complaints) {
        Set<Long> ids = complaints.stream().map(Complaint::id).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT n.created_at, c.reference, n.type, n.channel || ' → ' || n.recipient, TRUE, NULL
                FROM notification n JOIN complaint c ON c.id = n.complaint_id
                WHERE n.complaint_id IN (:ids) AND n.channel <> 'STAFF'
                UNION ALL
                SELECT e.occurred_at, c.reference, e.event_type, e.detail, FALSE, e.params
                FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id
                WHERE e.complaint_id IN (:ids) AND e.actor = 'customer'
                ORDER BY 1 DESC""")
                .param("ids", ids)
                .query((rs, n) -> new Contact(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), eventLog.params(rs.getString(6))))
                .list();
    }

    /** For each given complaint, how many other complaints the same customer has. */
    public Map<String, Integer> otherComplaints(Collection<Complaint> complaints) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Complaint c : complaints) {
            Map<String, Object> params = new HashMap<>();
            String ids = sameCustomer(c.customer(), params);
            long others = ids.isEmpty() ? 0 : jdbc.sql("SELECT COUNT(*) FROM complaint WHERE id IN (" + ids
                    + ") AND id <> :id").params(params).param("id", c.id()).query(Long.class).single();
            counts.put(c.reference(), (int) others);
        }
        return counts;
    }

    /**
     * "Same customer": any of account id, e-mail (any case) or phone (as a number, E.164) in common.
     * The ids of their complaints, one lookup per known key on its own index, united: an OR over the
     * three columns would make H2 and PostgreSQL read the whole table. Empty when none is known.
     */
    private static String sameCustomer(Complaint.Customer customer, Map<String, Object> params) {
        List<String> lookups = new ArrayList<>();
        lookup(lookups, params, "customer_account_id", "account", customer.accountId());
        lookup(lookups, params, "customer_email_key", "email", ComplaintRepository.emailKey(customer.email()));
        // A stored number no library could read (kept as it was by V15) still matches itself.
        lookup(lookups, params, "customer_phone", "phone", PhoneNumbers.e164(customer.phone())
                .orElse(customer.phone() == null || customer.phone().isBlank() ? null : customer.phone().strip()));
        return String.join(" UNION ", lookups);
    }

    private static void lookup(List<String> lookups, Map<String, Object> params, String column, String name,
            Object value) {
        if (value == null) {
            return;
        }
        lookups.add("SELECT id FROM complaint WHERE " + column + " = :" + name);
        params.put(name, value);
    }
}
