package vn.complaintdesk.web;

/** One invalid field of a request, named as in the contract (e.g. {@code customer.email}). */
public record FieldProblem(String field, String message) {
}
