package vn.complaintdesk.intake;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

@RestController
@Tag(name = ApiDocumentation.TAG_INTAKE)
public class IntakeController {

    private final IntakeService intake;

    public IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @Operation(summary = "File a complaint", description = """
            Anyone may file; staff (logged in) may also give `receivedAt` and the channels `HOTLINE`, \
            `IN_PERSON`, `POST` (400 naming the field for anyone else), and only staff set `customer.tier`. \
            Required: channel, category, subject, description, incidentDate (2000-01-01 to today), \
            customer.name, and customer.email or customer.phone.""")
    @ApiResponse(responseCode = "201", description = """
            Recorded, with the reference and the tracking token to hand to the customer. A time-barred \
            complaint is recorded too, with status `REJECTED_TIME_BARRED` (a refusal letter follows). A retry \
            with the same `Idempotency-Key` and body answers the first 201 again.""")
    @ApiResponse(responseCode = "409", description = "The `Idempotency-Key` was used before with another body.")
    @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntakeAnswer> submit(@RequestBody(required = false) ComplaintSubmission submission,
            @Parameter(description = "Makes a retry safe: 1-200 characters, e.g. a UUID", example = "7f1c2d3e-0001")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal principal) {
        if (submission == null) {
            throw new InvalidFieldsException(java.util.List.of(new FieldProblem("body", "required")));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidFieldsException(java.util.List.of(new FieldProblem("Idempotency-Key", "1-200 characters")));
        }
        String staffUser = isStaff(principal) ? principal.getName() : null;
        IntakeAnswer answer;
        try {
            answer = intake.submit(submission, staffUser, idempotencyKey);
        } catch (DuplicateKeyException concurrentRetry) {
            // Another request with the same Idempotency-Key committed first: answer what it answered.
            answer = intake.earlierAnswer(idempotencyKey, intake.hash(submission)).orElseThrow(() -> concurrentRetry);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    private static boolean isStaff(Principal principal) {
        return principal instanceof Authentication auth && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken);
    }
}
