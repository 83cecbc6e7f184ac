package vn.complaintdesk.alerts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.workflow.ComplaintProcess;

/** Who is told: a task's assignee, else the members of its candidate groups; or a group's members. */
@Component
public class AlertRecipients {

    private final ComplaintProcess process;
    private final IdentityService identity;
    private final JdbcClient jdbc;

    public AlertRecipients(ComplaintProcess process, IdentityService identity, JdbcClient jdbc) {
        this.process = process;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    public Set<String> members(String group) {
        Set<String> users = new LinkedHashSet<>();
        identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(users::add);
        return users;
    }

    /** The people working the complaint's open tasks now. */
    public Set<String> ofOpenTasks(String reference) {
        Set<String> users = new LinkedHashSet<>();
        for (Task task : process.openTasks(reference)) {
            users.addAll(ofTask(task.getId(), task.getAssignee()));
        }
        return users;
    }

    public Set<String> ofTask(String taskId, String assignee) {
        if (assignee != null) {
            return Set.of(assignee);
        }
        Set<String> users = new LinkedHashSet<>();
        process.candidateGroups(taskId).forEach(group -> users.addAll(members(group)));
        return users;
    }

    /**
     * The agent handling the complaint: who last proposed a resolution or analysed it (the log book
     * says so); empty before anyone did.
     */
    public Optional<String> handlingAgent(long complaintId) {
        return jdbc.sql("""
                SELECT actor FROM complaint_event
                WHERE complaint_id = :c AND event_type IN ('RESOLUTION_PROPOSED', 'ANALYSED') AND actor NOT IN (:machine)
                ORDER BY occurred_at DESC, id DESC LIMIT 1""")
                .param("c", complaintId).param("machine", Set.of(ComplaintEventLog.SYSTEM, ComplaintEventLog.CUSTOMER))
                .query(String.class).optional();
    }

    static Set<String> without(Collection<String> users, String actor) {
        Set<String> told = new LinkedHashSet<>(users);
        told.remove(actor);
        return told;
    }
}
