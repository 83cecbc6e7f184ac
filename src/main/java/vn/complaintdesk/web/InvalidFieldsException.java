package vn.complaintdesk.web;

import java.util.List;

/** A request whose fields break the contract's rules: answered 400 with every problem listed. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super("Invalid fields: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
