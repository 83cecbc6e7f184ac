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

/** ApproveResolution: the approver's decision; a rejection or more investigation needs a comment. */
@Component
public class ApproveResolutionRules implements TaskFieldRules {

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public ApproveResolutionRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "ApproveResolution";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("decision", "comment");
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        String decision = checks.oneOf("decision", true, "APPROVE", "REJECT", "MORE_INVESTIGATION");
        if (decision != null && !decision.equals("APPROVE")) {
            checks.required("comment");
        }
        checks.maxLength("comment", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        String decision = values.text("decision");
        Long proposalId = records.latestProposal(complaint.id()).map(HandlingRecords.Proposal::id).orElse(null);
        records.decided(complaint.id(), proposalId, complaint.round(), decision, values.text("comment"), actor);
        task.getExecution().setVariable("decision", decision);
        if (!"APPROVE".equals(decision)) {
            // Once a director has stepped in, a reworked proposal goes back to the director,
            // even if it became a mere explanation.
            task.getExecution().setVariable("firstContact", false);
        }
        eventLog.record(complaint.id(), actor, "APPROVAL_" + decision,
                values.text("comment") == null ? "round " + complaint.round() : values.text("comment"));
    }
}
