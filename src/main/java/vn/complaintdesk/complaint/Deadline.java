package vn.complaintdesk.complaint;

import java.time.OffsetDateTime;

/** A deadline of one complaint; {@code met} is null while it is still open. */
public record Deadline(String name, OffsetDateTime dueAt, OffsetDateTime metAt, Boolean met) {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String INTERIM = "interim";
    public static final String REPLY = "reply";
    public static final String RESOLUTION = "resolution";
}
