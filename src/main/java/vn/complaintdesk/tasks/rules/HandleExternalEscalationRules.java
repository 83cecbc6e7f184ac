package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;

/** HandleExternalEscalation: where the customer took the dispute, and the case there. */
@Component
public class HandleExternalEscalationRules implements TaskFieldRules {

    static final String[] ROUTES = {"REGULATOR", "MEDIATION", "ARBITRATION", "COURT"};

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public HandleExternalEscalationRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "HandleExternalEscalation";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("route", "caseReference", "filedAt");
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("route", List.of(ROUTES));
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(ComplaintStatus.ESCALATED_EXTERNALLY);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.oneOf("route", true, ROUTES);
        checks.required("caseReference");
        checks.maxLength("caseReference", 200);
        if (checks.text("filedAt") != null && date(checks.text("filedAt")) == null) {
            checks.add("filedAt", "validation.date");
        }
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        LocalDate filedAt = values.text("filedAt") == null ? null : date(values.text("filedAt"));
        records.escalationFiled(complaint.id(), values.text("route"), values.text("caseReference"), filedAt, actor);
        eventLog.record(complaint.id(), actor, "ESCALATION_FILED",
                LogParams.of("route", values.text("route"), "caseReference", values.text("caseReference")));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
