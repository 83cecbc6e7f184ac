package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.util.ArrayList;
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
import vn.complaintdesk.templates.Placeholders;
import vn.complaintdesk.web.FieldProblem;

/** AnalyzeComplaint: resolve now, ask the customer, or send to one or more departments. */
@Component
public class AnalyzeComplaintRules implements TaskFieldRules {

    public static final String[] OUTCOMES = {"RESOLVE_NOW", "NEED_INFO", "INVESTIGATE"};
    public static final String[] DEPARTMENTS = {"TECHNICAL", "FINANCE", "OPERATIONS"};

    private final ComplaintEventLog eventLog;
    private final HandlingRecords records;

    public AnalyzeComplaintRules(ComplaintEventLog eventLog, HandlingRecords records) {
        this.eventLog = eventLog;
        this.records = records;
    }

    @Override
    public String taskKey() {
        return "AnalyzeComplaint";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("outcome", "departments", "questionsForCustomer", "notes");
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("outcome", List.of(OUTCOMES), "departments", List.of(DEPARTMENTS));
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(ComplaintStatus.IN_ANALYSIS);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        String outcome = checks.oneOf("outcome", true, OUTCOMES);
        List<String> departments = checks.listOf("departments", DEPARTMENTS);
        if ("INVESTIGATE".equals(outcome) && departments.isEmpty() && checks.problems().stream()
                .noneMatch(p -> p.field().equals("departments"))) {
            checks.add("departments", "validation.departmentsRequired");
        }
        if ("NEED_INFO".equals(outcome)) {
            checks.required("questionsForCustomer");
        }
        checks.maxLength("questionsForCustomer", 4000);
        // The questions are mailed as written: a template's placeholder left in would reach the customer.
        Set<String> leftOver = Placeholders.in(checks.text("questionsForCustomer"));
        if (!leftOver.isEmpty()) {
            checks.add("questionsForCustomer", "validation.placeholderLeft",
                    String.join(", ", leftOver.stream().map(Placeholders::written).toList()));
        }
        checks.maxLength("notes", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        String outcome = values.text("outcome");
        List<String> departments = new ArrayList<>(values.listOf("departments", DEPARTMENTS));
        if (!"INVESTIGATE".equals(outcome)) {
            departments.clear();
        }
        records.analysed(complaint.id(), outcome, departments, actor);
        if ("NEED_INFO".equals(outcome)) {
            records.infoRequested(complaint.id(), values.text("questionsForCustomer"), actor);
        }
        eventLog.record(complaint.id(), actor, "ANALYSED", LogParams.of("analysis", outcome,
                "departments", departments.isEmpty() ? null : String.join(",", departments),
                "questions", values.text("questionsForCustomer")), values.text("notes"));
    }
}
