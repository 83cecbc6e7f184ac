package vn.complaintdesk.channels;

import java.time.OffsetDateTime;
import java.util.List;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.SocialNetwork;
import vn.complaintdesk.intake.AttachmentUpload;

/**
 * One message from a customer as any channel hands it over (a mail of the support mailbox, a chat
 * or social message through a webhook), before the desk knows whether it opens a complaint or
 * continues one.
 *
 * @param source where it came from: {@code email}, or the webhook channel's name ({@code zalo}, …);
 *     with {@code externalId} it identifies the message, so a second delivery is recognised
 * @param threadIds the Message-IDs it answers (In-Reply-To and References of a mail)
 * @param reference the complaint it names, when the channel knows it (webhook) or the subject does
 * @param category for a new complaint, when the channel asked for it; otherwise {@code OTHER}
 * @param incidentDate for a new complaint, when the channel asked for it; otherwise the day of receipt
 */
public record CustomerMessage(
        Channel channel,
        SocialNetwork socialNetwork,
        String source,
        String externalId,
        Sender sender,
        String subject,
        String text,
        List<AttachmentUpload> attachments,
        List<String> threadIds,
        String reference,
        Category category,
        java.time.LocalDate incidentDate,
        long sizeBytes,
        OffsetDateTime receivedAt) {

    /**
     * Who wrote it, as far as the channel knows; {@code trackingToken} proves it is the customer of
     * the complaint named, when the integration has it (from the customer's tracking link).
     */
    public record Sender(String name, String email, String phone, String accountId, String language,
            String trackingToken) {
    }
}
