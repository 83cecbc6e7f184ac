package vn.complaintdesk.tasks.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.channels.InboundMessages;
import vn.complaintdesk.channels.InboundOutcome;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.workflow.ProcessNames;

/**
 * ClassifyCustomerReply: an agent reads a customer's answer to a letter that the desk could not read
 * as acceptance or rejection. ACCEPT and REJECT count as the customer's answer (the text is the
 * reason of a rejection); INFO and OTHER are kept in the log book and the desk waits on.
 */
@Component
public class ClassifyCustomerReplyRules implements TaskFieldRules {

    public static final String[] KINDS = {"ACCEPT", "REJECT", "INFO", "OTHER"};

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;
    private final InboundMessages inbound;

    public ClassifyCustomerReplyRules(HandlingRecords records, ComplaintEventLog eventLog, InboundMessages inbound) {
        this.records = records;
        this.eventLog = eventLog;
        this.inbound = inbound;
    }

    @Override
    public String taskKey() {
        return "ClassifyCustomerReply";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("kind", "comment");
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("kind", List.of(KINDS));
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.oneOf("kind", true, KINDS);
        checks.maxLength("comment", 4000);
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        String kind = values.text("kind");
        String comment = values.text("comment");
        Object replyId = task.getVariable(ProcessNames.Variable.REPLY_TO_CLASSIFY);
        // Only this complaint's own message: the variable is the desk's, but never trusted across complaints.
        Optional<InboundMessages.Inbound> reply = (replyId instanceof Number id ? inbound.find(id.longValue())
                : Optional.<InboundMessages.Inbound>empty())
                .filter(r -> r.complaintId() != null && r.complaintId() == complaint.id());
        String customerText = reply.map(InboundMessages.Inbound::body).orElse(null);
        switch (kind) {
            case "ACCEPT" -> {
                records.answered(complaint.id(), complaint.round(), true, comment, false, actor);
                eventLog.record(complaint.id(), actor, "REPLY_ACCEPTED", Map.of("kind", kind), comment);
            }
            case "REJECT" -> {
                String reason = customerText != null ? InboundMessages.cut(customerText, 4000) : comment;
                records.answered(complaint.id(), complaint.round(), false, reason, false, actor);
                eventLog.record(complaint.id(), actor, "REPLY_REJECTED", Map.of("kind", kind), comment);
            }
            default -> eventLog.record(complaint.id(), actor, "REPLY_CLASSIFIED", Map.of("kind", kind), comment);
        }
        reply.ifPresent(r -> inbound.settle(r.id(), complaint.id(), InboundOutcome.CLASSIFIED));
        task.getExecution().setVariable(ProcessNames.Variable.REPLY_KIND, kind);
        task.getExecution().removeVariable(ProcessNames.Variable.REPLY_TO_CLASSIFY);
    }

}
