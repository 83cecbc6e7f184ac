package vn.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import vn.complaintdesk.support.DeskTest;

/** Every text exists in Vietnamese and English; any other language gets the Vietnamese one. */
@DeskTest
class MessageBundlesTest {

    @Autowired MessageSource messageSource;

    @ParameterizedTest
    @ValueSource(strings = {"messages", "forms", "mail"})
    void bothLanguagesHaveTheSameKeysAndOtherLanguagesFallBackToVietnamese(String bundle) throws IOException {
        Properties vi = load(bundle + "_vi.properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(vi).isNotEmpty();
        assertThat(en.keySet()).isEqualTo(vi.keySet());
        String key = vi.stringPropertyNames().iterator().next();
        assertThat(messageSource.getMessage(key, null, Locale.forLanguageTag("fr"))).isEqualTo(vi.getProperty(key));
        assertThat(messageSource.getMessage(key, null, Locale.ENGLISH)).isEqualTo(en.getProperty(key));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
