package vn.complaintdesk.templates;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The library of templates for reply texts and information requests (table {@code reply_template}). */
@Component
public class ReplyTemplates {

    public static final int PAGE_SIZE = 20;

    /** One page of a search of the library. */
    public record Page(List<ReplyTemplate> rows, int number, long total) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number + 1 < pages();
        }
    }

    private static final String COLUMNS = "id, name, language, purpose, body, active, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReplyTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Templates whose name or text contains {@code q} (any case), active ones first, then by name. */
    public Page search(String q, int page) {
        return search(q, null, page);
    }

    /**
     * Templates whose name or text contains {@code q} (any case) and, unless {@code purpose} is null,
     * of that purpose; active ones first, then by name.
     */
    public Page search(String q, TemplatePurpose purpose, int page) {
        int number = Math.max(0, Math.min(page, 1_000_000));
        String like = "%" + (q == null ? "" : q.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_")) + "%";
        String where = " WHERE (LOWER(name) LIKE :q ESCAPE '!' OR LOWER(body) LIKE :q ESCAPE '!')"
                + (purpose == null ? "" : " AND purpose = :purpose");
        String purposeName = purpose == null ? "" : purpose.name();
        long total = jdbc.sql("SELECT COUNT(*) FROM reply_template" + where).param("q", like)
                .param("purpose", purposeName).query(Long.class).single();
        List<ReplyTemplate> rows = jdbc.sql("SELECT " + COLUMNS + " FROM reply_template" + where
                        + " ORDER BY active DESC, language, name, id LIMIT :limit OFFSET :offset")
                .param("q", like).param("purpose", purposeName).param("limit", PAGE_SIZE)
                .param("offset", number * PAGE_SIZE).query(ReplyTemplates::map).list();
        return new Page(rows, number, total);
    }

    /** The active templates of that purpose, those in {@code language} first (the customer's mails are in it). */
    public List<ReplyTemplate> activeFor(String language, TemplatePurpose purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reply_template WHERE active = TRUE AND purpose = :purpose"
                        + " ORDER BY CASE WHEN language = :lang THEN 0 ELSE 1 END, language, name, id")
                .param("lang", language).param("purpose", purpose.name()).query(ReplyTemplates::map).list();
    }

    public Optional<ReplyTemplate> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reply_template WHERE id = :id").param("id", id)
                .query(ReplyTemplates::map).optional();
    }

    /** Another template of that name and language than {@code exceptId} (0 for a new one)? */
    public boolean nameTaken(String name, String language, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM reply_template WHERE LOWER(name) = :name AND language = :lang AND id <> :id")
                .param("name", name.strip().toLowerCase(Locale.ROOT)).param("lang", language).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    /** A new active reply text. */
    public long create(String name, String language, String body, String user) {
        return create(name, language, TemplatePurpose.REPLY, body, user);
    }

    public long create(String name, String language, TemplatePurpose purpose, String body, String user) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reply_template (name, language, purpose, body, active, updated_by, updated_at)
                VALUES (:name, :lang, :purpose, :body, TRUE, :user, :at)""")
                .param("name", name).param("lang", language).param("purpose", purpose.name()).param("body", body)
                .param("user", user)
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String name, String language, TemplatePurpose purpose, String body, boolean active,
            String user) {
        jdbc.sql("""
                UPDATE reply_template SET name = :name, language = :lang, purpose = :purpose, body = :body,
                       active = :active, updated_by = :user, updated_at = :at WHERE id = :id""")
                .param("name", name).param("lang", language).param("purpose", purpose.name()).param("body", body)
                .param("active", active)
                .param("user", user).param("at", OffsetDateTime.now(clock)).param("id", id).update();
    }

    public void deactivate(long id, String user) {
        jdbc.sql("UPDATE reply_template SET active = FALSE, updated_by = :user, updated_at = :at WHERE id = :id")
                .param("user", user).param("at", OffsetDateTime.now(clock)).param("id", id).update();
    }

    private static ReplyTemplate map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReplyTemplate(rs.getLong("id"), rs.getString("name"), rs.getString("language"),
                TemplatePurpose.valueOf(rs.getString("purpose")), rs.getString("body"), rs.getBoolean("active"),
                rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
