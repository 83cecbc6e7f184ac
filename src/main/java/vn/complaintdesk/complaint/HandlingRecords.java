package vn.complaintdesk.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The records each step of the procedure leaves in our tables (the complaint's file). */
@Repository
public class HandlingRecords {

    public record Proposal(long id, int round, String rootCause, String remedy, Long amount, String replyText,
            OffsetDateTime meetingAt, String proposedBy, OffsetDateTime proposedAt) {
    }

    public record Approval(int round, String decision, String comment, String decidedBy, OffsetDateTime decidedAt) {
    }

    public record InfoRequest(long id, String questions, OffsetDateTime requestedAt, String information,
            OffsetDateTime providedAt) {
    }

    public record Investigation(String department, String findings, String rootCause, String investigatedBy,
            OffsetDateTime investigatedAt) {
    }

    public record CustomerAnswer(int round, boolean accepts, String reason, boolean deemed, OffsetDateTime answeredAt) {
    }

    public record Escalation(String route, String caseReference, LocalDate filedAt, String outcome, String summary) {
    }

    public record Survey(int rating, String comment, String suggestion, OffsetDateTime answeredAt) {
    }

    /** The latest AnalyzeComplaint of a complaint, and how many it has had. */
    public record Analysis(String outcome, List<String> departments, int count) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public HandlingRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static InfoRequest infoRequest(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new InfoRequest(rs.getLong("id"), rs.getString("questions"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("information"),
                rs.getObject("provided_at", OffsetDateTime.class));
    }

    private static Proposal proposalRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Proposal(rs.getLong("id"), rs.getInt("handling_round"), rs.getString("root_cause"),
                rs.getString("remedy"), (Long) rs.getObject("amount", Long.class), rs.getString("reply_text"),
                rs.getObject("meeting_at", OffsetDateTime.class), rs.getString("proposed_by"),
                rs.getObject("proposed_at", OffsetDateTime.class));
    }

    private static Survey surveyRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Survey(rs.getInt("rating"), rs.getString("comment"), rs.getString("suggestion"),
                rs.getObject("answered_at", OffsetDateTime.class));
    }

    /**
     * The first row per complaint of a query ordered by complaint_id and then newest first; keyed by complaint id.
     */
    private <T> Map<Long, T> firstPerComplaint(String sql, Collection<Long> complaintIds,
            org.springframework.jdbc.core.RowMapper<T> mapper) {
        Map<Long, T> first = new HashMap<>();
        if (complaintIds.isEmpty()) {
            return first;
        }
        jdbc.sql(sql).param("ids", complaintIds)
                .query((rs, n) -> Map.entry(rs.getLong("complaint_id"), mapper.mapRow(rs, n)))
                .list().forEach(e -> first.putIfAbsent(e.getKey(), e.getValue()));
        return first;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public void analysed(long complaintId, String outcome, List<String> departments, String by) {
        jdbc.sql("""
                INSERT INTO analysis (complaint_id, outcome, departments, analysed_by, analysed_at)
                VALUES (:c, :outcome, :departments, :by, :at)""")
                .param("c", complaintId).param("outcome", outcome)
                .param("departments", departments.isEmpty() ? null : String.join(",", departments))
                .param("by", by).param("at", now()).update();
    }

    public Optional<Analysis> latestAnalysis(long complaintId) {
        return jdbc.sql("""
                SELECT outcome, departments, (SELECT COUNT(*) FROM analysis a WHERE a.complaint_id = :c) AS analyses
                FROM analysis WHERE complaint_id = :c ORDER BY id DESC LIMIT 1""")
                .param("c", complaintId)
                .query((rs, n) -> new Analysis(rs.getString("outcome"),
                        rs.getString("departments") == null ? List.of() : List.of(rs.getString("departments").split(",")),
                        rs.getInt("analyses")))
                .optional();
    }

    public void infoRequested(long complaintId, String questions, String by) {
        jdbc.sql("""
                INSERT INTO info_request (complaint_id, questions, requested_by, requested_at)
                VALUES (:c, :q, :by, :at)""")
                .param("c", complaintId).param("q", questions).param("by", by).param("at", now()).update();
    }

    public Optional<InfoRequest> openInfoRequest(long complaintId) {
        return jdbc.sql("""
                SELECT id, questions, requested_at, information, provided_at FROM info_request
                WHERE complaint_id = :c AND provided_at IS NULL ORDER BY requested_at DESC, id DESC
                LIMIT 1""")
                .param("c", complaintId)
                .query(HandlingRecords::infoRequest)
                .optional();
    }

    public Optional<InfoRequest> latestInfoRequest(long complaintId) {
        return jdbc.sql("""
                SELECT id, questions, requested_at, information, provided_at FROM info_request
                WHERE complaint_id = :c ORDER BY requested_at DESC, id DESC
                LIMIT 1""")
                .param("c", complaintId)
                .query(HandlingRecords::infoRequest)
                .optional();
    }

    public void infoProvided(long requestId, String information, String by) {
        jdbc.sql("""
                UPDATE info_request SET information = :i, provided_by = :by, provided_at = :at
                WHERE id = :id AND provided_at IS NULL""")
                .param("i", information).param("by", by).param("at", now()).param("id", requestId).update();
    }

    public void resolutionClockPaused(long requestId, int workingDays) {
        jdbc.sql("UPDATE info_request SET paused_working_days = :d WHERE id = :id")
                .param("d", workingDays).param("id", requestId).update();
    }

    public void investigated(long complaintId, String department, String findings, String rootCause, String by) {
        jdbc.sql("""
                INSERT INTO investigation (complaint_id, department, findings, root_cause, investigated_by,
                    investigated_at) VALUES (:c, :d, :f, :r, :by, :at)""")
                .param("c", complaintId).param("d", department).param("f", findings).param("r", rootCause)
                .param("by", by).param("at", now()).update();
    }

    public long proposed(long complaintId, int round, String rootCause, String remedy, Long amount, String replyText,
            OffsetDateTime meetingAt, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO resolution_proposal (complaint_id, handling_round, root_cause, remedy, amount, reply_text,
                    meeting_at, proposed_by, proposed_at)
                VALUES (:c, :round, :rc, :remedy, :amount, :reply, :meeting, :by, :at)""")
                .param("c", complaintId).param("round", round).param("rc", rootCause).param("remedy", remedy)
                .param("amount", amount).param("reply", replyText).param("meeting", meetingAt).param("by", by)
                .param("at", now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Proposal> latestProposal(long complaintId) {
        return jdbc.sql("""
                SELECT * FROM resolution_proposal WHERE complaint_id = :c ORDER BY proposed_at DESC, id DESC
                LIMIT 1""")
                .param("c", complaintId)
                .query(HandlingRecords::proposalRow)
                .optional();
    }

    /** {@link #latestProposal} for several complaints at once, keyed by complaint id (those without one left out). */
    public Map<Long, Proposal> latestProposals(Collection<Long> complaintIds) {
        return firstPerComplaint("""
                SELECT * FROM resolution_proposal WHERE complaint_id IN (:ids)
                ORDER BY complaint_id, proposed_at DESC, id DESC""", complaintIds, HandlingRecords::proposalRow);
    }

    public void decided(long complaintId, Long proposalId, int round, String decision, String comment, String by) {
        jdbc.sql("""
                INSERT INTO approval (complaint_id, proposal_id, handling_round, decision, comment, decided_by,
                    decided_at) VALUES (:c, :p, :round, :d, :comment, :by, :at)""")
                .param("c", complaintId).param("p", proposalId).param("round", round).param("d", decision)
                .param("comment", comment).param("by", by).param("at", now()).update();
    }

    public Optional<Approval> latestApproval(long complaintId) {
        return jdbc.sql("SELECT * FROM approval WHERE complaint_id = :c ORDER BY decided_at DESC, id DESC"
                + " LIMIT 1")
                .param("c", complaintId)
                .query((rs, n) -> new Approval(rs.getInt("handling_round"), rs.getString("decision"),
                        rs.getString("comment"), rs.getString("decided_by"),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .optional();
    }

    public void answered(long complaintId, int round, boolean accepts, String reason, boolean deemed, String by) {
        jdbc.sql("""
                INSERT INTO customer_answer (complaint_id, handling_round, accepts, reason, deemed, answered_by,
                    answered_at) VALUES (:c, :round, :accepts, :reason, :deemed, :by, :at)""")
                .param("c", complaintId).param("round", round).param("accepts", accepts).param("reason", reason)
                .param("deemed", deemed).param("by", by).param("at", now()).update();
    }

    public void escalationFiled(long complaintId, String route, String caseReference, LocalDate filedAt, String by) {
        jdbc.sql("""
                INSERT INTO escalation (complaint_id, route, case_reference, filed_at, recorded_by, recorded_at)
                VALUES (:c, :route, :ref, :filed, :by, :at)""")
                .param("c", complaintId).param("route", route).param("ref", caseReference).param("filed", filedAt)
                .param("by", by).param("at", now()).update();
    }

    public void escalationOutcome(long complaintId, String outcome, String summary, String by) {
        jdbc.sql("""
                UPDATE escalation SET outcome = :o, summary = :s, outcome_by = :by, outcome_at = :at
                WHERE complaint_id = :c AND outcome IS NULL""")
                .param("o", outcome).param("s", summary).param("by", by).param("at", now()).param("c", complaintId)
                .update();
    }

    public void lessonLearned(long complaintId, String lesson, boolean trainingNeeded, String by) {
        jdbc.sql("""
                INSERT INTO lesson_learned (complaint_id, lesson, training_needed, recorded_by, recorded_at)
                VALUES (:c, :l, :t, :by, :at)""")
                .param("c", complaintId).param("l", lesson).param("t", trainingNeeded).param("by", by)
                .param("at", now()).update();
    }

    public void surveyAnswered(long complaintId, int rating, String comment, String suggestion) {
        jdbc.sql("""
                INSERT INTO survey_result (complaint_id, rating, comment, suggestion, answered_at)
                VALUES (:c, :r, :comment, :s, :at)""")
                .param("c", complaintId).param("r", rating).param("comment", comment).param("s", suggestion)
                .param("at", now()).update();
    }

    public void recoveryRecorded(long complaintId, String action, String notes, String by) {
        jdbc.sql("""
                INSERT INTO recovery_action (complaint_id, action, notes, recorded_by, recorded_at)
                VALUES (:c, :a, :n, :by, :at)""")
                .param("c", complaintId).param("a", action).param("n", notes).param("by", by).param("at", now())
                .update();
    }

    public java.util.List<Investigation> investigations(long complaintId) {
        return jdbc.sql("SELECT * FROM investigation WHERE complaint_id = :c ORDER BY investigated_at, id")
                .param("c", complaintId)
                .query((rs, n) -> new Investigation(rs.getString("department"), rs.getString("findings"),
                        rs.getString("root_cause"), rs.getString("investigated_by"),
                        rs.getObject("investigated_at", OffsetDateTime.class)))
                .list();
    }

    public java.util.List<InfoRequest> infoRequests(long complaintId) {
        return jdbc.sql("""
                SELECT id, questions, requested_at, information, provided_at FROM info_request
                WHERE complaint_id = :c ORDER BY requested_at, id""")
                .param("c", complaintId)
                .query(HandlingRecords::infoRequest)
                .list();
    }

    public Optional<CustomerAnswer> latestCustomerAnswer(long complaintId) {
        return jdbc.sql("SELECT * FROM customer_answer WHERE complaint_id = :c ORDER BY answered_at DESC, id DESC"
                + " LIMIT 1")
                .param("c", complaintId)
                .query((rs, n) -> new CustomerAnswer(rs.getInt("handling_round"), rs.getBoolean("accepts"),
                        rs.getString("reason"), rs.getBoolean("deemed"),
                        rs.getObject("answered_at", OffsetDateTime.class)))
                .optional();
    }

    public Optional<Escalation> escalation(long complaintId) {
        return jdbc.sql("SELECT * FROM escalation WHERE complaint_id = :c ORDER BY recorded_at DESC, id DESC"
                + " LIMIT 1")
                .param("c", complaintId)
                .query((rs, n) -> new Escalation(rs.getString("route"), rs.getString("case_reference"),
                        rs.getObject("filed_at", LocalDate.class), rs.getString("outcome"), rs.getString("summary")))
                .optional();
    }

    public Optional<Survey> survey(long complaintId) {
        return jdbc.sql("SELECT * FROM survey_result WHERE complaint_id = :c ORDER BY answered_at DESC, id DESC"
                + " LIMIT 1")
                .param("c", complaintId)
                .query(HandlingRecords::surveyRow)
                .optional();
    }

    /** {@link #survey} for several complaints at once, keyed by complaint id (those without one left out). */
    public Map<Long, Survey> surveys(Collection<Long> complaintIds) {
        return firstPerComplaint("""
                SELECT * FROM survey_result WHERE complaint_id IN (:ids)
                ORDER BY complaint_id, answered_at DESC, id DESC""", complaintIds, HandlingRecords::surveyRow);
    }
}
