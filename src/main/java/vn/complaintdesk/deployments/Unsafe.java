package vn.complaintdesk.deployments;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Why an expression or a decision table entry may not be deployed; each has its text in the messages bundles. */
enum Unsafe {
    /** A method or function call: {@code a.b()}, {@code fn(x)}. */
    CALL,
    /** Property or index access: {@code a.b}, {@code a['b']}; the way to any object's methods. */
    PROPERTY_ACCESS,
    /** Names a bean of the application or an engine object (execution, task) instead of a process variable. */
    BEAN,
    /** Anything else than literals, variables, comparisons and boolean operators. */
    OPERATOR,
    /** An expression that is not closed. */
    UNCLOSED;

    /** The reason as a message argument, resolved in the reader's language. */
    MessageSourceResolvable reason() {
        return new DefaultMessageSourceResolvable("deployment.unsafe." + name());
    }
}
