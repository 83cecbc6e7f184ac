package vn.complaintdesk.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.web.FieldProblem;

/**
 * Everything the desk knows of one user task: its key, the contract's completion fields and their
 * options, who may not complete it, and the complaint's status while it is open. One set of rules
 * for the JSON API, the Thymeleaf form, Camunda Tasklist and {@code /engine-rest} alike.
 */
public interface TaskFieldRules {

    String taskKey();

    /** The names of the fields this task takes, as the contract and the form inputs name them. */
    Set<String> fieldNames();

    /** The allowed values of the fields that take one of fixed values, in the order forms offer them. */
    default Map<String, List<String>> options() {
        return Map.of();
    }

    /** The complaint's status while this task is open; empty to leave it as it is. */
    default Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.empty();
    }

    /**
     * Why the actor may not complete this task for this complaint (a message key), e.g. approving
     * their own proposal; empty when they may.
     */
    default Optional<String> refusal(Complaint complaint, String actor) {
        return Optional.empty();
    }

    /** Problems of the submitted fields; empty when they may complete the task. */
    List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks);

    /**
     * Applies a valid completion: writes the domain data to our tables and sets the routing
     * variables the diagram needs. Runs inside the engine's transaction.
     */
    void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task);
}
