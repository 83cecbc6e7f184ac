package vn.complaintdesk.templates;

import java.time.OffsetDateTime;

/** One template of the library: a text with placeholders, in one language, for one purpose. */
public record ReplyTemplate(long id, String name, String language, TemplatePurpose purpose, String body,
        boolean active, String updatedBy, OffsetDateTime updatedAt) {
}
