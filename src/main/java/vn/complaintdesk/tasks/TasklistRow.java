package vn.complaintdesk.tasks;

/** One row of the tasklist page: the task and the time left to its deadline. */
public record TasklistRow(TaskView task, String priorityName, Double workingDaysLeft, String urgency,
        int otherComplaints) {

    public static final String OVERDUE = "overdue";
    public static final String WARNING = "warning";
    public static final String ON_TIME = "ontime";

    /** Hours left when less than a working day remains, for display. */
    public long hoursLeft() {
        return workingDaysLeft == null ? 0 : Math.round(workingDaysLeft * 24);
    }
}
