package vn.complaintdesk.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;

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
        SocialNetwork socialNetwork,
        @NotNull Category category,
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 10000) String description,
        @NotNull LocalDate incidentDate,
        OffsetDateTime receivedAt,
        @NotNull @Valid CustomerData customer) {

    public record CustomerData(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 30) String phone,
            @Size(max = 100) String accountId,
            CustomerTier tier,
            @Pattern(regexp = "^(vi|en)$", message = "{validation.language}") String language) {
    }
}
