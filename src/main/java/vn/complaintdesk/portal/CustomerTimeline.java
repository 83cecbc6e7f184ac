package vn.complaintdesk.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.complaintdesk.complaint.ComplaintEventLog;

/**
 * The customer's view of the log book in plain words: the phases their complaint went through
 * (received, being analysed, waiting for you, being investigated, reply sent, second review, with
 * an external body, closed) and what they did, with dates. Built from entry types only: an entry's
 * detail (notes, findings, who did it) never reaches the customer.
 */
public final class CustomerTimeline {

    /** One line of the timeline; {@code key} names its text, {@code yours} marks what the customer did. */
    public record Step(String key, OffsetDateTime at, boolean yours) {
    }

    /** Phases entered by a new task of the procedure. */
    private static final Map<String, String> PHASE_OF_TASK = Map.of(
            "AnalyzeComplaint", "ANALYSING",
            "InvestigateInDepartment", "INVESTIGATING",
            "HandleExternalEscalation", "EXTERNAL");

    /** Phases entered by a log book entry of that type. */
    private static final Map<String, String> PHASE_OF_ENTRY = Map.ofEntries(
            Map.entry("RECEIVED", "RECEIVED"),
            Map.entry("INFO_REQUESTED", "WAITING_FOR_YOU"),
            Map.entry("REPLY_SENT", "REPLY_SENT"),
            Map.entry("SECOND_ROUND", "SECOND_REVIEW"),
            Map.entry("CLOSED", "CLOSED"),
            Map.entry("WITHDRAWN", "WITHDRAWN"),
            Map.entry("TIME_BARRED", "TIME_BARRED"));

    /** What the customer did (or what counts as their answer). */
    private static final Map<String, String> CUSTOMER_ENTRY = Map.of(
            "INFO_PROVIDED", "INFO_PROVIDED",
            "REPLY_ACCEPTED", "REPLY_ACCEPTED",
            "REPLY_REJECTED", "REPLY_REJECTED",
            "DEEMED_ACCEPTED", "DEEMED_ACCEPTED",
            "SURVEY_ANSWERED", "SURVEY_ANSWERED");

    private CustomerTimeline() {
    }

    public static List<Step> of(List<ComplaintEventLog.Event> logBook) {
        List<Step> steps = new ArrayList<>();
        String phase = null;
        for (ComplaintEventLog.Event entry : logBook) {
            String entered = "TASK_CREATED".equals(entry.type()) ? PHASE_OF_TASK.get(taskKey(entry))
                    : PHASE_OF_ENTRY.get(entry.type());
            if (entered != null && !entered.equals(phase)) {
                phase = entered;
                steps.add(new Step(entered, entry.at(), false));
            } else if (CUSTOMER_ENTRY.containsKey(entry.type())) {
                steps.add(new Step(CUSTOMER_ENTRY.get(entry.type()), entry.at(), true));
            }
        }
        return steps;
    }

    /** Entries recorded before the log book kept parameters named the task in their detail. */
    private static String taskKey(ComplaintEventLog.Event created) {
        String key = created.structured() ? created.params().get("task") : created.detail();
        return key == null ? "" : key;
    }
}
