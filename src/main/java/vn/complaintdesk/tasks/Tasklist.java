package vn.complaintdesk.tasks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * The tasklist page's query: the user's own tasks and their groups' tasks, filtered, searched,
 * sorted by due date and paged, with the time left in working days.
 */
@Component
public class Tasklist {

    public static final int PAGE_SIZE = 20;

    /** Filters of the page; null or blank means "any". */
    public record Query(String view, String taskKey, String priority, Boolean overdue, String category,
            String channel, String search, int page) {
    }

    public record Page(List<TasklistRow> rows, int page, int pages, int total) {
    }

    private static final Map<String, Integer> PRIORITY_AT_LEAST = Map.of("LOW", 0, "NORMAL", 50, "HIGH", 75,
            "URGENT", 100);

    private final TaskWork work;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final vn.complaintdesk.complaint.CustomerHistory history;
    private final vn.complaintdesk.complaint.ComplaintRepository complaints;

    public Tasklist(TaskWork work, WorkingDayCalendar calendar, Clock clock,
            vn.complaintdesk.complaint.CustomerHistory history, vn.complaintdesk.complaint.ComplaintRepository complaints) {
        this.history = history;
        this.complaints = complaints;
        this.work = work;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Page page(String userId, Set<String> groups, Query query) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TasklistRow> rows = work.openTasksFor(userId, groups, new TaskWork.Filter(null, query.taskKey())).stream()
                .filter(t -> !"mine".equals(query.view()) || userId.equals(t.assignee()))
                .filter(t -> !"unassigned".equals(query.view()) || t.assignee() == null)
                .filter(t -> blank(query.priority()) || priorityName(t.priority()).equals(query.priority()))
                .filter(t -> blank(query.category()) || query.category().equals(t.category()))
                .filter(t -> blank(query.channel()) || query.channel().equals(t.channel()))
                .filter(t -> blank(query.search()) || matches(t, query.search()))
                .map(t -> row(t, now))
                .filter(r -> query.overdue() == null || !query.overdue() || TasklistRow.OVERDUE.equals(r.urgency()))
                .sorted(Comparator.comparing((TasklistRow r) -> r.task().due(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(query.page(), 0), pages - 1);
        List<TasklistRow> shown = rows.subList(page * PAGE_SIZE, Math.min(rows.size(), (page + 1) * PAGE_SIZE));
        return new Page(withRepeatComplainants(shown), page, pages, rows.size());
    }

    /** Only the rows shown are looked up: how many other complaints each customer has. */
    private List<TasklistRow> withRepeatComplainants(List<TasklistRow> rows) {
        Set<String> references = rows.stream().map(r -> r.task().reference()).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, vn.complaintdesk.complaint.Complaint> shown = complaints.findByReferences(references);
        Map<String, Integer> others = history.otherComplaints(shown.values());
        return rows.stream().map(r -> new TasklistRow(r.task(), r.priorityName(), r.workingDaysLeft(), r.urgency(),
                others.getOrDefault(r.task().reference(), 0),
                shown.containsKey(r.task().reference()) ? shown.get(r.task().reference()).subject() : null, r.ageHours()))
                .toList();
    }

    private TasklistRow row(TaskView task, OffsetDateTime now) {
        long age = task.created() == null ? 0 : Math.max(0, java.time.Duration.between(task.created(), now).toHours());
        if (task.due() == null) {
            return new TasklistRow(task, priorityName(task.priority()), null, TasklistRow.ON_TIME, 0, null, age);
        }
        double left = calendar.workingDaysUntil(now, task.due());
        String urgency = task.due().isBefore(now) ? TasklistRow.OVERDUE
                : left < 1 ? TasklistRow.WARNING : TasklistRow.ON_TIME;
        return new TasklistRow(task, priorityName(task.priority()), left, urgency, 0, null, age);
    }

    static String priorityName(int priority) {
        return PRIORITY_AT_LEAST.entrySet().stream().filter(e -> priority >= e.getValue())
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("LOW");
    }

    private static boolean matches(TaskView task, String search) {
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return (task.reference() != null && task.reference().toLowerCase(Locale.ROOT).contains(needle))
                || (task.customerName() != null && task.customerName().toLowerCase(Locale.ROOT).contains(needle));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
