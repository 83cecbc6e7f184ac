package vn.complaintdesk.complaint;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff search over all complaints: by reference, customer name, e-mail or phone, and status; paged. */
@Repository
public class ComplaintSearch {

    public static final int PAGE_SIZE = 25;

    public record Result(List<Complaint> complaints, int page, int pages, long total) {
    }

    private final JdbcClient jdbc;

    public ComplaintSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Result search(String text, String status, int page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" ").append("""
                     AND (LOWER(reference) LIKE :like OR LOWER(customer_name) LIKE :like
                          OR LOWER(COALESCE(customer_email, '')) LIKE :like OR COALESCE(customer_phone, '') LIKE :like""");
            params.put("like", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
            // Phones are stored in E.164: 0912 345 678 finds +84912345678.
            PhoneNumbers.e164(text).ifPresent(phone -> {
                where.append(" OR customer_phone = :phone");
                params.put("phone", phone);
            });
            where.append(")");
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND status = :status");
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM complaint" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<Complaint> complaints = jdbc.sql("SELECT * FROM complaint" + where
                        + " ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", current * PAGE_SIZE)
                .query(ComplaintRepository::map).list();
        return new Result(complaints, current, pages, total);
    }
}
