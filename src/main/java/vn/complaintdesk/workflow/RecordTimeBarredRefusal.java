package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;

/** Runs inside the intake transaction, so the intake answer already says REJECTED_TIME_BARRED. */
@Component("recordTimeBarredRefusal")
public class RecordTimeBarredRefusal implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final ComplaintEventLog eventLog;

    public RecordTimeBarredRefusal(ProcessComplaints processComplaints, ComplaintRepository complaints,
            ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        complaints.updateStatus(complaint.id(), ComplaintStatus.REJECTED_TIME_BARRED);
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "TIME_BARRED",
                LogParams.of("days", execution.getVariable(ProcessNames.Variable.DAYS_SINCE_INCIDENT),
                        "limitationDays", execution.getVariable(ProcessNames.Variable.LIMITATION_DAYS)));
    }
}
