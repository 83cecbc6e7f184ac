package vn.complaintdesk.web;

import java.io.Serializable;

/** One invalid field of a request, named as in the contract (e.g. {@code customer.email}). */
public record FieldProblem(String field, String message) implements Serializable {

    /** The messages per field, as forms show them next to their inputs (several joined by "; "). */
    public static java.util.Map<String, String> byField(java.util.List<FieldProblem> problems) {
        java.util.Map<String, String> errors = new java.util.HashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
