package vn.complaintdesk.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.CustomerTier;
import vn.complaintdesk.complaint.SocialNetwork;

/** What a customer (or staff on their behalf) submits: the contract's intake fields. */
public record ComplaintSubmission(
        @NotNull Channel channel,
        @Schema(description = "with channel SOCIAL") SocialNetwork socialNetwork,
        @NotNull Category category,
        @Schema(example = "Rút tiền chưa về tài khoản") @NotBlank @Size(max = 300) String subject,
        @Schema(example = "Lệnh rút 2.000.000 đ ngày 20/11 chưa về tài khoản ngân hàng của tôi.")
        @NotBlank @Size(max = 10000) String description,
        @Schema(description = "from 2000-01-01 to today; decides the limitation period", example = "2026-11-20")
        @NotNull LocalDate incidentDate,
        @Schema(description = "staff only: when a letter, call or visit really arrived") OffsetDateTime receivedAt,
        @NotNull @Valid CustomerData customer) {

    @Schema(description = "The customer: e-mail or phone is required")
    public record CustomerData(
            @Schema(example = "Phạm Quốc Anh") @NotBlank @Size(max = 200) String name,
            @Schema(example = "anh.pham@example.vn") @Email @Size(max = 254) String email,
            @Schema(description = "a phone number, read as Vietnamese unless it starts with +", example = "0912345678")
            @Size(max = 30) String phone,
            @Schema(example = "ACC-1") @Size(max = 100) String accountId,
            @Schema(description = "staff only; anyone else's is ignored (the desk's record, else STANDARD)")
            CustomerTier tier,
            @Schema(description = "of every mail and letter; default vi", allowableValues = {"vi", "en"})
            @Pattern(regexp = "^(vi|en)$", message = "{validation.language}") String language) {
    }
}
