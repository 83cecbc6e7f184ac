package vn.complaintdesk.deployments;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;

/**
 * A deployment refused by {@link DeploymentCheck}: a client's mistake (the engine logs it at FINE, not as an
 * ERROR with a stack trace), answered on {@code /engine-rest} like a parse error, with each element's problem.
 */
public class DeploymentRefusedException extends BadUserRequestException {

    private final ParseException problems;

    DeploymentRefusedException(ParseException problems) {
        super(problems.getMessage());
        this.problems = problems;
    }

    /** The refusal in the form Camunda reports parse errors: per resource, each problem with its element. */
    public ParseException problems() {
        return problems;
    }
}
