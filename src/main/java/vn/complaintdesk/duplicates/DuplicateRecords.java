package vn.complaintdesk.duplicates;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;

/** Our tables of the duplicate guard: flagged pairs and merges. */
@Repository
public class DuplicateRecords {

    private final JdbcClient jdbc;

    public DuplicateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void flag(long complaintId, long duplicateOfId, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO probable_duplicate (complaint_id, duplicate_of_id, flagged_at)
                VALUES (:c, :of, :at)""")
                .param("c", complaintId).param("of", duplicateOfId).param("at", at).update();
    }

    /**
     * The complaints flagged as probably the same matter as this one, whichever of the two came first,
     * oldest first; a pair already merged together is left out (it shows as merged instead).
     */
    public List<Complaint> probableDuplicatesOf(long complaintId) {
        return jdbc.sql("""
                SELECT c.* FROM complaint c
                WHERE c.id IN (SELECT duplicate_of_id FROM probable_duplicate WHERE complaint_id = :id
                               UNION SELECT complaint_id FROM probable_duplicate WHERE duplicate_of_id = :id)
                  AND NOT EXISTS (SELECT 1 FROM complaint_merge m
                                  WHERE (m.source_id = c.id AND m.target_id = :id)
                                     OR (m.source_id = :id AND m.target_id = c.id))
                ORDER BY c.received_at, c.id""")
                .param("id", complaintId)
                .query(ComplaintRepository::mapRow)
                .list();
    }

    /**
     * Locks both complaint rows until the transaction ends, the lower id first so that two merges of
     * the same pair wait for each other instead of deadlocking. One row per statement: a single
     * {@code ORDER BY id FOR UPDATE} does not promise on every database that rows are locked in that order.
     */
    public void lockInIdOrder(long oneId, long otherId) {
        for (long id : new long[] {Math.min(oneId, otherId), Math.max(oneId, otherId)}) {
            jdbc.sql("SELECT id FROM complaint WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
        }
    }

    /** Claims the source for the merge; a second merge of the same source fails on the primary key. */
    public void merged(long sourceId, long targetId, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO complaint_merge (source_id, target_id, merged_by, merged_at)
                VALUES (:s, :t, :by, :at)""")
                .param("s", sourceId).param("t", targetId).param("by", by).param("at", at).update();
    }

    /** The reference of the complaint this one was merged into. */
    public Optional<String> mergedInto(long complaintId) {
        return jdbc.sql("""
                SELECT c.reference FROM complaint_merge m JOIN complaint c ON c.id = m.target_id
                WHERE m.source_id = :id""")
                .param("id", complaintId).query(String.class).optional();
    }

    /** The complaints merged into this one, in the order they were merged. */
    public List<Complaint> mergedFrom(long complaintId) {
        return jdbc.sql("""
                SELECT c.* FROM complaint_merge m JOIN complaint c ON c.id = m.source_id
                WHERE m.target_id = :id ORDER BY m.merged_at, c.id""")
                .param("id", complaintId)
                .query(ComplaintRepository::mapRow)
                .list();
    }
}
