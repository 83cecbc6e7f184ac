package vn.complaintdesk.tasks;

/** One row of the tasklist page: the task, its complaint's subject, its age and the time left to its deadline. */
public record TasklistRow(TaskView task, String priorityName, Double workingDaysLeft, String urgency,
        int otherComplaints, String subject, long ageHours) {

    public static final String OVERDUE = "overdue";
    public static final String WARNING = "warning";
    public static final String ON_TIME = "ontime";

    /** Whole days since the task was created, once it is a day old. */
    public long ageDays() {
        return ageHours / 24;
    }

    /** Hours left when less than a working day remains, for display. */
    public long hoursLeft() {
        return workingDaysLeft == null ? 0 : Math.round(workingDaysLeft * 24);
    }
}
