package vn.complaintdesk.tasks.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;

/** RecoverDissatisfiedCustomer: what the supervisor did to win back a customer who rated 3 or less. */
@Component
public class RecoverDissatisfiedCustomerRules implements TaskFieldRules {

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public RecoverDissatisfiedCustomerRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "RecoverDissatisfiedCustomer";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("action", "notes");
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.required("action");
        checks.maxLength("action", 4000);
        checks.maxLength("notes", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        records.recoveryRecorded(complaint.id(), values.text("action"), values.text("notes"), actor);
        eventLog.record(complaint.id(), actor, "RECOVERY_ACTION", values.text("action"));
    }
}
