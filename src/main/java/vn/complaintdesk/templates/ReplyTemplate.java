package vn.complaintdesk.templates;

import java.time.OffsetDateTime;

/** One template of the library: a reply text with placeholders, in one language. */
public record ReplyTemplate(long id, String name, String language, String body, boolean active, String updatedBy,
        OffsetDateTime updatedAt) {
}
