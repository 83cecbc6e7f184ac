package vn.complaintdesk.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Checks a webhook call: {@code X-Signature: sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<body>">}
 * with the channel's secret, and a timestamp (unix seconds) no older than the allowed age.
 */
@Component
public class WebhookSignatures {

    /** A call that is not from the channel, or too old: answered 401. */
    public static class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookSignatures(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks the call and answers when it was signed: the moment the channel handed the message over. */
    public Instant check(String secret, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new Refused("X-Timestamp and X-Signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Refused("X-Timestamp must be unix seconds");
        }
        long age = Instant.now(clock).getEpochSecond() - seconds;
        if (Math.abs(age) > properties.maxAge().toSeconds()) {
            throw new Refused("X-Timestamp is older than " + properties.maxAge().toSeconds() + " s (or in the future)");
        }
        byte[] expected = ("sha256=" + sign(secret, timestamp.strip(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("X-Signature does not match the body");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"}; integrations compute the same. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
