package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;

/** The customer rejected the first reply: a senior review starts (giải quyết lần 2). */
@Component("startSecondRound")
public class StartSecondRound implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final ComplaintEventLog eventLog;

    public StartSecondRound(ProcessComplaints processComplaints, ComplaintRepository complaints,
            ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        complaints.updateRound(complaint.id(), 2);
        complaints.updateStatus(complaint.id(), ComplaintStatus.SECOND_ROUND);
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "SECOND_ROUND");
    }
}
