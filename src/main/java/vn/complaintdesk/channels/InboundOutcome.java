package vn.complaintdesk.channels;

/** What became of an inbound message. */
public enum InboundOutcome {
    /** Being handled (only ever seen inside the handling transaction). */
    RECEIVED,
    /** It opened a new complaint. */
    OPENED_COMPLAINT,
    /** Added to its complaint's log book; nothing in the procedure was waiting for it. */
    ADDED_TO_COMPLAINT,
    /** Delivered as the information the procedure waited for. */
    INFO_PROVIDED,
    /** Read as the customer's acceptance or rejection of the letter. */
    ANSWER_DELIVERED,
    /** Read as the customer's rating. */
    SURVEY_ANSWERED,
    /** An answer to a letter that could not be read: an agent classifies it. */
    TO_CLASSIFY,
    /** Classified by an agent. */
    CLASSIFIED,
    /** Names a complaint, but comes from someone other than its customer: kept, not acted on. */
    UNVERIFIED_SENDER,
    /** Could not be handled (too large, malformed, automatic): kept aside with the reason. */
    SET_ASIDE
}
