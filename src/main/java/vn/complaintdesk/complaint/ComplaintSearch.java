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
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        String where = """
                WHERE (:like IS NULL OR LOWER(reference) LIKE :like OR LOWER(customer_name) LIKE :like
                       OR LOWER(COALESCE(customer_email, '')) LIKE :like OR COALESCE(customer_phone, '') LIKE :like)
                  AND (:status IS NULL OR status = :status)""";
        String statusFilter = status == null || status.isBlank() ? null : status;
        long total = jdbc.sql("SELECT COUNT(*) FROM complaint " + where)
                .param("like", like).param("status", statusFilter).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<Complaint> complaints = jdbc.sql("SELECT * FROM complaint " + where
                        + " ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("like", like).param("status", statusFilter)
                .param("limit", PAGE_SIZE).param("offset", current * PAGE_SIZE)
                .query(ComplaintRepository::map).list();
        return new Result(complaints, current, pages, total);
    }
}
