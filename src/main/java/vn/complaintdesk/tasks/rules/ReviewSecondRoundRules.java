package vn.complaintdesk.tasks.rules;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** ReviewSecondRound: the senior review's revised proposal; a meeting time turns the letter into an invitation. */
@Component
public class ReviewSecondRoundRules extends ProposalFields {

    public ReviewSecondRoundRules(HandlingRecords records, ComplaintEventLog eventLog, WorkingDayCalendar calendar) {
        super(records, eventLog, calendar.zone());
    }

    @Override
    public String taskKey() {
        return "ReviewSecondRound";
    }

    @Override
    boolean takesMeeting() {
        return true;
    }
}
