package vn.complaintdesk.complaint;

public enum ComplaintStatus {
    RECEIVED, REJECTED_TIME_BARRED, IN_ANALYSIS, WAITING_FOR_CUSTOMER, INVESTIGATING, IN_RESOLUTION, REPLIED, SECOND_ROUND, ESCALATED_EXTERNALLY, CLOSING, CLOSED, WITHDRAWN;

    /** Handling is over: closed (a survey may still follow), withdrawn or refused. */
    public boolean ended() {
        return this == CLOSED || this == WITHDRAWN || this == REJECTED_TIME_BARRED;
    }
}
