package vn.complaintdesk.intake;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** The 201 answer to an intake, as the contract names it. */
public record IntakeAnswer(
        @Schema(requiredMode = REQUIRED, example = "KN-2026-000042") String reference,
        @Schema(requiredMode = REQUIRED, allowableValues = {"RECEIVED", "REJECTED_TIME_BARRED"}) String status,
        @Schema(requiredMode = REQUIRED, example = "2026-11-23T10:15:00+07:00") OffsetDateTime receivedAt,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "2026-11-23T11:15:00+07:00")
        OffsetDateTime acknowledgementDueAt,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "2026-11-24T10:15:00+07:00") OffsetDateTime interimDueAt,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "2026-12-02T10:15:00+07:00") OffsetDateTime replyDueAt,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "2026-12-21T10:15:00+07:00")
        OffsetDateTime resolutionDueAt,
        @Schema(requiredMode = REQUIRED, description = "for the customer's tracking link `/track/{reference}?token=…`",
                example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA") String trackingToken) implements Serializable {
}
