package vn.complaintdesk.complaint;

/** Conditions that several reports and searches share, over {@code complaint c} and {@code complaint_deadline d}. */
public final class ComplaintSql {

    /** A complaint merged into another counts once, as the one it was merged into. */
    public static final String NOT_MERGED = "NOT EXISTS (SELECT 1 FROM complaint_merge m WHERE m.source_id = c.id)";

    /** A deadline missed, or passed while still open, as of the parameter {@code :now}. */
    public static final String DEADLINE_MISSED = "(d.met = FALSE OR (d.met IS NULL AND d.due_at < :now))";

    private ComplaintSql() {
    }
}
