package vn.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class HumanDurationsTest {

    private final HumanDurations durations = new HumanDurations(messages());

    @Test
    void durationsReadAsDaysAndHoursOrHoursAndMinutesInBothLanguages() {
        double twoDaysFourHours = Duration.ofHours(52).toMillis();
        assertThat(durations.human(twoDaysFourHours, Locale.forLanguageTag("vi"))).isEqualTo("2 ng 4 giờ");
        assertThat(durations.human(twoDaysFourHours, Locale.ENGLISH)).isEqualTo("2 d 4 h");
        assertThat(durations.human((double) Duration.ofMinutes(195).toMillis(), Locale.ENGLISH)).isEqualTo("3 h 15 min");
        assertThat(durations.human((double) Duration.ofDays(3).toMillis(), Locale.ENGLISH)).isEqualTo("3 d");
        assertThat(durations.human((double) Duration.ofMinutes(7).toMillis(), Locale.forLanguageTag("vi")))
                .isEqualTo("7 ph");
        assertThat(durations.human(20_000.0, Locale.ENGLISH)).isEqualTo("< 1 min");
        assertThat(durations.human(null, Locale.ENGLISH)).isEqualTo("–");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
