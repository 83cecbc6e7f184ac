package vn.complaintdesk.tasks;

import java.time.OffsetDateTime;

/** An open task as the contract's task list shows it, plus what our tasklist page needs. */
public record TaskView(String id, String taskKey, String name, String reference, OffsetDateTime created,
        OffsetDateTime due, String assignee, int priority, String customerName, String category, String channel) {
}
