package vn.complaintdesk.channels;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.web.ControlCharacters;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;

/**
 * {@code POST /api/channels/{channel}/messages}: chat and social integrations hand over what
 * customers write, signed with the channel's secret (see {@link WebhookSignatures}). 201 with the
 * intake answer when it opened a complaint; 200 with the outcome when it continued one; the same
 * answer again for a repeated {@code messageId}; 401 unsigned, wrongly signed or older than five
 * minutes; 404 unknown channel, or a reference that is not this customer's complaint.
 */
@RestController
@Tag(name = ApiDocumentation.TAG_CHANNELS)
public class ChannelWebhookController {

    private final WebhookProperties properties;
    private final WebhookSignatures signatures;
    private final CustomerMessageRouter router;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    public ChannelWebhookController(WebhookProperties properties, WebhookSignatures signatures,
            CustomerMessageRouter router, ObjectMapper objectMapper, Validator validator, MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.signatures = signatures;
        this.router = router;
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.messages = messages;
    }

    @Operation(summary = "Hand over a customer's message", description = """
            Without `reference` the message opens a complaint (the intake rules apply); with it, it continues \
            that complaint of this customer: as the customer event `event` with its fields, or as free `text` \
            read like a reply mail. The same `messageId` again is answered as the first time and changes nothing.""")
    @ApiResponse(responseCode = "200", description = "Continued a complaint (`outcome` says how)")
    @ApiResponse(responseCode = "201", description = "Opened a complaint: `outcome` `OPENED_COMPLAINT` with the "
            + "intake answer (give the customer the tracking link)")
    @ApiResponse(responseCode = "401", description = "Missing or wrong signature, or `X-Timestamp` more than 5 "
            + "minutes off")
    @ApiResponse(responseCode = "404", description = "Unknown channel, a channel without a secret, or a reference "
            + "that is not this customer's complaint")
    @ApiResponse(responseCode = "409", description = "The complaint is not waiting for this event, or the same "
            + "message is being handled at this moment")
    @PostMapping(path = "/api/channels/{channel}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> receive(
            @Parameter(schema = @Schema(allowableValues = {"live-chat", "mobile-app", "facebook", "zalo", "telegram"}))
            @PathVariable String channel,
            @Parameter(description = "Unix seconds of the signature", example = "1796539200")
            @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @Parameter(description = "`sha256=` and the hex HMAC-SHA256 of `<X-Timestamp>.<body>`",
                    example = "sha256=5d41402abc4b2a76b9719d911017c592aa8f0b1d2c3e4f5a6b7c8d9e0f1a2b3c")
            @RequestHeader(name = "X-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body, HttpServletRequest request, Locale locale) {
        WebhookChannel webhook = WebhookChannel.named(channel)
                .orElseThrow(() -> new NotFoundException(text("webhook.unknownChannel", locale, channel)));
        String secret = properties.secretOf(webhook);
        if (secret == null) {
            throw new NotFoundException(text("webhook.notConfigured", locale, webhook.urlName()));
        }
        byte[] content = body == null ? new byte[0] : body;
        Instant signedAt = signatures.check(secret, timestamp, signature, content);
        ChannelMessagePayload payload = parse(content, request, locale);
        CustomerMessage message = toMessage(webhook, payload, locale, receivedAt(signedAt));
        Map<String, Object> fields = payload.event() == null ? null : eventFields(payload);
        CustomerMessageRouter.Routed routed;
        try {
            routed = router.route(message, payload.event(), fields);
        } catch (DuplicateKeyException sameMessageAtTheSameTime) {
            // The same messageId delivered twice at once: the other delivery recorded it first.
            routed = router.route(message, payload.event(), fields);
            if (!routed.repeated()) {
                throw new vn.complaintdesk.web.ConflictException(text("problem.concurrent", locale));
            }
        }
        return answer(routed);
    }

    @ExceptionHandler(WebhookSignatures.Refused.class)
    ResponseEntity<ProblemDetail> refused(WebhookSignatures.Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Parsed only after the signature held; a body Jackson refuses is answered like any other JSON body. */
    private ChannelMessagePayload parse(byte[] body, HttpServletRequest request, Locale locale) {
        ChannelMessagePayload payload;
        try {
            payload = objectMapper.readValue(body, ChannelMessagePayload.class);
        } catch (IOException unreadable) {
            throw new HttpMessageNotReadableException(unreadable.getMessage(), unreadable,
                    new ServletServerHttpRequest(request));
        }
        if (payload == null) {
            throw new InvalidFieldsException(List.of(new FieldProblem("body", text("problem.unreadable", locale))));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ChannelMessagePayload> violation : validator.validate(payload)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        problems.addAll(controlCharacters(payload, locale));
        if (payload.event() != null && (payload.reference() == null || payload.reference().isBlank())) {
            problems.add(new FieldProblem("reference", text("webhook.referenceForEvent", locale)));
        }
        if (payload.event() != null && !CustomerEvents.MESSAGES.contains(payload.event())) {
            problems.add(new FieldProblem("event", text("webhook.unknownEvent", locale,
                    String.join(", ", CustomerEvents.MESSAGES))));
        }
        if (payload.reference() != null && payload.event() == null && blank(payload.text())) {
            problems.add(new FieldProblem("text", text("validation.required", locale)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return payload;
    }

    private List<FieldProblem> controlCharacters(ChannelMessagePayload payload, Locale locale) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("messageId", payload.messageId());
        lines.put("reference", payload.reference());
        lines.put("trackingToken", payload.trackingToken());
        lines.put("event", payload.event());
        lines.put("subject", payload.subject());
        if (payload.customer() != null) {
            lines.put("customer.name", payload.customer().name());
            lines.put("customer.email", payload.customer().email());
            lines.put("customer.phone", payload.customer().phone());
            lines.put("customer.accountId", payload.customer().accountId());
            lines.put("customer.language", payload.customer().language());
        }
        if (payload.attachments() != null) {
            for (int i = 0; i < payload.attachments().size(); i++) {
                ChannelMessagePayload.Attachment attachment = payload.attachments().get(i);
                lines.put("attachments." + i + ".filename", attachment == null ? null : attachment.filename());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("text", payload.text());
        texts.put("description", payload.description());
        texts.put("information", payload.information());
        texts.put("reason", payload.reason());
        texts.put("comment", payload.comment());
        texts.put("suggestion", payload.suggestion());
        List<FieldProblem> problems = new ArrayList<>();
        lines.forEach((field, value) -> {
            if (ControlCharacters.inLine(value)) {
                problems.add(new FieldProblem(field, text("validation.controlCharacters", locale)));
            }
        });
        texts.forEach((field, value) -> {
            if (ControlCharacters.inText(value)) {
                problems.add(new FieldProblem(field, text("validation.controlCharactersInText", locale)));
            }
        });
        return problems;
    }

    /** The signed time of the call, never later than now (a channel's clock may run a little ahead). */
    private OffsetDateTime receivedAt(Instant signedAt) {
        Instant now = clock.instant();
        return (signedAt.isAfter(now) ? now : signedAt).atZone(clock.getZone()).toOffsetDateTime();
    }

    private CustomerMessage toMessage(WebhookChannel webhook, ChannelMessagePayload payload, Locale locale,
            OffsetDateTime receivedAt) {
        ChannelMessagePayload.Customer customer = payload.customer();
        CustomerMessage.Sender sender = customer == null
                ? new CustomerMessage.Sender(null, null, null, null, null, payload.trackingToken())
                : new CustomerMessage.Sender(customer.name(), customer.email(), customer.phone(),
                        customer.accountId(), customer.language(), payload.trackingToken());
        String text = !blank(payload.description()) ? payload.description() : payload.text();
        return new CustomerMessage(webhook.channel(), webhook.network(), webhook.urlName(), payload.messageId().strip(),
                sender, payload.subject(), text, attachments(payload, locale), List.of(), payload.reference(),
                payload.category(), payload.incidentDate(), text == null ? 0 : text.length(), receivedAt);
    }

    private static Map<String, Object> eventFields(ChannelMessagePayload payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "information", payload.information() != null ? payload.information() : payload.text());
        put(fields, "accepts", payload.accepts());
        put(fields, "reason", payload.reason());
        put(fields, "rating", payload.rating());
        put(fields, "comment", payload.comment());
        put(fields, "suggestion", payload.suggestion());
        return fields;
    }

    private List<AttachmentUpload> attachments(ChannelMessagePayload payload, Locale locale) {
        if (payload.attachments() == null) {
            return List.of();
        }
        List<AttachmentUpload> uploads = new ArrayList<>();
        for (int i = 0; i < payload.attachments().size(); i++) {
            ChannelMessagePayload.Attachment attachment = payload.attachments().get(i);
            if (attachment == null) {
                throw new InvalidFieldsException(List.of(new FieldProblem("attachments." + i,
                        text("validation.required", locale))));
            }
            try {
                uploads.add(new AttachmentUpload(attachment.filename(),
                        Base64.getMimeDecoder().decode(attachment.contentBase64())));
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidFieldsException(List.of(new FieldProblem("attachments." + i + ".contentBase64",
                        text("webhook.notBase64", locale))));
            }
        }
        return uploads;
    }

    /** 201 when the message opened a complaint (again for a repeated one), else 200; the first answer's body. */
    private static ResponseEntity<Map<String, Object>> answer(CustomerMessageRouter.Routed routed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", routed.answer().get("outcome"));
        answer.put("reference", routed.answer().get("reference"));
        answer.put("repeated", routed.repeated());
        answer.putAll(routed.answer());
        return ResponseEntity.status(routed.openedComplaint() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
