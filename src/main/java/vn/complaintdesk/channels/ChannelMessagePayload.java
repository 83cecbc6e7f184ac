package vn.complaintdesk.channels;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.complaintdesk.complaint.Category;

/**
 * The JSON a chat or social integration posts to {@code /api/channels/{channel}/messages}.
 * Without {@code reference} it opens a complaint (customer, category, subject, description or
 * text); with it, it continues that complaint: as the customer event {@code event} with its fields,
 * or, without {@code event}, as free text the desk reads like a mail.
 *
 * @param messageId the channel's id of the message: a second delivery with the same id is answered
 *     as the first, and changes nothing
 * @param trackingToken proves the writer is the complaint's customer when the integration has it;
 *     otherwise the customer's e-mail, phone or account id must match the complaint's
 */
@Schema(description = "A customer's message from a chat or social channel")
public record ChannelMessagePayload(
        @Schema(description = "the channel's id of the message: the same id again changes nothing",
                example = "zalo-msg-1001") @NotBlank @Size(max = 200) String messageId,
        @Schema(description = "continue this complaint", example = "KN-2026-000042") @Size(max = 20) String reference,
        @Schema(description = "proves the writer is the complaint's customer") @Size(max = 64) String trackingToken,
        @Schema(description = "with reference: deliver exactly this customer event",
                allowableValues = {"CustomerInfoProvided", "CustomerAnswered", "SurveyAnswered"})
        @Size(max = 40) String event,
        @Schema(description = "the customer's words", example = "Tôi rút 2.000.000 đ hai ngày rồi chưa về.")
        @Size(max = 10000) String text,
        Boolean accepts,
        @Size(max = 4000) String reason,
        @Size(max = 10000) String information,
        @Schema(minimum = "1", maximum = "5") Integer rating,
        @Size(max = 4000) String comment,
        @Size(max = 4000) String suggestion,
        Category category,
        @Size(max = 300) String subject,
        @Size(max = 10000) String description,
        LocalDate incidentDate,
        @Valid Customer customer,
        @Size(max = 10) List<@Valid Attachment> attachments) {

    @Schema(name = "ChannelCustomer")
    public record Customer(@Size(max = 200) String name, @Size(max = 254) String email, @Size(max = 30) String phone,
            @Size(max = 100) String accountId, @Size(max = 2) String language) {
    }

    /** A file the customer sent in the chat, base64-encoded; the portal's limits apply. */
    @Schema(description = "A file, base64-encoded; the portal's limits: at most 5 files of 5 MB, PDF/JPEG/PNG/text "
            + "by content")
    public record Attachment(@NotBlank @Size(max = 255) String filename, @NotBlank String contentBase64) {
    }
}
