package vn.complaintdesk.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.web.FieldProblem;

/**
 * The contract's completion fields of one user task: one set of rules for the JSON API, the
 * Thymeleaf form, Camunda Tasklist and {@code /engine-rest} alike.
 */
public interface TaskFieldRules {

    String taskKey();

    /** The names of the fields this task takes, as the contract and the form inputs name them. */
    Set<String> fieldNames();

    /** Problems of the submitted fields; empty when they may complete the task. */
    List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks);

    /**
     * Applies a valid completion: writes the domain data to our tables and sets the routing
     * variables the diagram needs. Runs inside the engine's transaction.
     */
    void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task);
}
