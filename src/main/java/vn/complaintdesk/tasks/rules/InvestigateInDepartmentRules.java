package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.workflow.DepartmentGroups;
import vn.complaintdesk.workflow.ProcessNames;

/** InvestigateInDepartment: one department's findings (one task per department, in parallel). */
@Component
public class InvestigateInDepartmentRules implements TaskFieldRules {

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public InvestigateInDepartmentRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "InvestigateInDepartment";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("findings", "rootCause");
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(ComplaintStatus.INVESTIGATING);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.required("findings");
        checks.maxLength("findings", 10000);
        checks.maxLength("rootCause", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        String department = departmentOf(task);
        records.investigated(complaint.id(), String.valueOf(department), values.text("findings"),
                values.text("rootCause"), actor);
        eventLog.record(complaint.id(), actor, "INVESTIGATED", Map.of("department", department), values.text("findings"));
    }

    /** The department this investigation is for (diagram versions before departmentGroups name it directly). */
    public static String departmentOf(VariableScope task) {
        Object group = task.getVariable(ProcessNames.Variable.DEPARTMENT_GROUP);
        if (group != null) {
            return DepartmentGroups.departmentOf(group.toString());
        }
        Object department = task.getVariable(ProcessNames.Variable.DEPARTMENT);
        return department == null ? null : department.toString();
    }
}
