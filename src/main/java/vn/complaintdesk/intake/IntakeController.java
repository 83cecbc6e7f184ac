package vn.complaintdesk.intake;

import java.security.Principal;

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

import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

@RestController
public class IntakeController {

    private final IntakeService intake;

    public IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntakeAnswer> submit(@RequestBody(required = false) ComplaintSubmission submission,
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
