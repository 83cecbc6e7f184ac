package vn.complaintdesk.channels;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.channels.*}: the shared secret of each webhook channel
 * ({@code complaints.channels.secrets.zalo=…}); a channel without a secret takes no messages.
 * {@code max-age}: how old a signed timestamp may be (default 5 minutes), so a captured request
 * cannot be replayed later.
 */
@ConfigurationProperties("complaints.channels")
public record WebhookProperties(Map<String, String> secrets, Duration maxAge) {

    public WebhookProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
    }

    /** Keys match however they were written: {@code live-chat}, {@code livechat} (an env variable), {@code LIVE_CHAT}. */
    public String secretOf(WebhookChannel channel) {
        String wanted = normalised(channel.urlName());
        return secrets.entrySet().stream()
                .filter(e -> normalised(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue)
                .filter(secret -> secret != null && !secret.isBlank())
                .findFirst().orElse(null);
    }

    private static String normalised(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
