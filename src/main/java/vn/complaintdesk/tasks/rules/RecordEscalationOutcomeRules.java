package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;

/** RecordEscalationOutcome: how the external body decided. */
@Component
public class RecordEscalationOutcomeRules implements TaskFieldRules {

    static final String[] OUTCOMES = {"CUSTOMER_UPHELD", "COMPANY_UPHELD", "SETTLED", "WITHDRAWN"};

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public RecordEscalationOutcomeRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "RecordEscalationOutcome";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("outcome", "summary");
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("outcome", List.of(OUTCOMES));
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(ComplaintStatus.ESCALATED_EXTERNALLY);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.oneOf("outcome", true, OUTCOMES);
        checks.maxLength("summary", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        records.escalationOutcome(complaint.id(), values.text("outcome"), values.text("summary"), actor);
        eventLog.record(complaint.id(), actor, "ESCALATION_OUTCOME", Map.of("escalationOutcome", values.text("outcome")),
                values.text("summary"));
    }
}
