package vn.complaintdesk.tasks.rules;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** ProposeResolution: the agent's cause, remedy, amount and reply text (round 1). */
@Component
public class ProposeResolutionRules extends ProposalFields {

    public ProposeResolutionRules(HandlingRecords records, ComplaintEventLog eventLog, WorkingDayCalendar calendar) {
        super(records, eventLog, calendar.zone());
    }

    @Override
    public String taskKey() {
        return "ProposeResolution";
    }

    @Override
    boolean takesMeeting() {
        return false;
    }
}
