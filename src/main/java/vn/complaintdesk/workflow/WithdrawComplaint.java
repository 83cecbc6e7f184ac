package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;

/** No information came within the limit: the complaint is closed as withdrawn (final). */
@Component("withdrawComplaint")
public class WithdrawComplaint implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final ComplaintEventLog eventLog;

    public WithdrawComplaint(ProcessComplaints processComplaints, ComplaintRepository complaints,
            ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        complaints.updateStatus(complaint.id(), ComplaintStatus.WITHDRAWN);
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "WITHDRAWN");
    }
}
