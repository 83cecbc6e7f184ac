package vn.complaintdesk.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintSql;
import vn.complaintdesk.complaint.PhoneNumbers;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** The auditors' search over all complaints, in SQL; paged for the page, whole for the CSV export. */
@Repository
public class AuditSearch {

    public static final int PAGE_SIZE = 50;
    public static final int EXPORT_LIMIT = 100_000;

    public record Criteria(String reference, String customer, LocalDate from, LocalDate to, String status,
            String category, String channel, String department, boolean deadlineMissed) {
    }

    public record Page(List<Complaint> complaints, int page, int pages, long total) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public AuditSearch(JdbcClient jdbc, WorkingDayCalendar calendar, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
        this.clock = clock;
    }

    public Page page(Criteria criteria, int page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(criteria, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM complaint c" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        return new Page(list(where, params, PAGE_SIZE, current * PAGE_SIZE), current, pages, total);
    }

    public List<Complaint> all(Criteria criteria) {
        Map<String, Object> params = new HashMap<>();
        return list(where(criteria, params), params, EXPORT_LIMIT, 0);
    }

    private List<Complaint> list(String where, Map<String, Object> params, int limit, int offset) {
        return jdbc.sql("SELECT c.* FROM complaint c" + where
                        + " ORDER BY c.received_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query(ComplaintRepository::mapRow).list();
    }

    private String where(Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (notBlank(c.reference())) {
            where.append(" AND LOWER(c.reference) LIKE :reference");
            params.put("reference", "%" + c.reference().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (notBlank(c.customer())) {
            where.append(" AND (LOWER(c.customer_name) LIKE :customer OR LOWER(COALESCE(c.customer_email, '')) LIKE :customer"
                    + " OR COALESCE(c.customer_phone, '') LIKE :customer OR COALESCE(c.customer_account_id, '') LIKE :customer");
            params.put("customer", "%" + c.customer().strip().toLowerCase(Locale.ROOT) + "%");
            // Phones are stored in E.164: 0912 345 678 finds +84912345678.
            PhoneNumbers.e164(c.customer()).ifPresent(phone -> {
                where.append(" OR c.customer_phone = :phone");
                params.put("phone", phone);
            });
            where.append(")");
        }
        if (c.from() != null) {
            where.append(" AND c.received_at >= :from");
            params.put("from", c.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (c.to() != null) {
            where.append(" AND c.received_at < :to");
            params.put("to", c.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        equal(where, params, "status", c.status());
        equal(where, params, "category", c.category());
        equal(where, params, "channel", c.channel());
        equal(where, params, "suggested_department", c.department());
        if (c.deadlineMissed()) {
            // A merged complaint's deadlines stay open after its handling ended; they were not missed.
            where.append(" AND EXISTS (SELECT 1 FROM complaint_deadline d WHERE d.complaint_id = c.id"
                    + " AND " + ComplaintSql.DEADLINE_MISSED + ")"
                    + " AND " + ComplaintSql.NOT_MERGED);
            params.put("now", OffsetDateTime.now(clock));
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (notBlank(value)) {
            where.append(" AND c.").append(column).append(" = :").append(column);
            params.put(column, value.strip());
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
