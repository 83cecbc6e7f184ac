package vn.complaintdesk.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;

/** No answer to the letter within the limit: the reply counts as accepted. */
@Component("recordDeemedAcceptance")
public class RecordDeemedAcceptance implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public RecordDeemedAcceptance(ProcessComplaints processComplaints, HandlingRecords records,
            ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        records.answered(complaint.id(), complaint.round(), true, null, true, ComplaintEventLog.SYSTEM);
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "DEEMED_ACCEPTED",
                Map.of("round", complaint.round()));
    }
}
