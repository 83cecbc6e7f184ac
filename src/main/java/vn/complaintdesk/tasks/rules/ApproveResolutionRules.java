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

/** ApproveResolution: the approver's decision; a rejection or more investigation needs a comment. */
@Component
public class ApproveResolutionRules implements TaskFieldRules {

    static final String[] DECISIONS = {"APPROVE", "REJECT", "MORE_INVESTIGATION"};

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
    public Map<String, List<String>> options() {
        return Map.of("decision", List.of(DECISIONS));
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(complaint.round() == 2 ? ComplaintStatus.SECOND_ROUND : ComplaintStatus.IN_RESOLUTION);
    }

    /** Four eyes: nobody approves a proposal they wrote. */
    @Override
    public Optional<String> refusal(Complaint complaint, String actor) {
        return records.latestProposal(complaint.id()).filter(p -> p.proposedBy().equals(actor))
                .map(p -> "task.ownProposal");
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        String decision = checks.oneOf("decision", true, DECISIONS);
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
        eventLog.record(complaint.id(), actor, "APPROVAL_" + decision, Map.of("round", complaint.round()),
                values.text("comment"));
    }
}
