package vn.complaintdesk.intake;

import java.time.OffsetDateTime;

/** The 201 answer to an intake, as the contract names it. */
public record IntakeAnswer(String reference, String status, OffsetDateTime receivedAt,
        OffsetDateTime acknowledgementDueAt, OffsetDateTime interimDueAt, OffsetDateTime replyDueAt,
        OffsetDateTime resolutionDueAt, String trackingToken) {
}
