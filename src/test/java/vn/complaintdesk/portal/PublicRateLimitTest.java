package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicRateLimitTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:00:10Z"), ZoneOffset.UTC);

    @Test
    void theCallOverTheLimitIsAnswered429WithRetryAfter() throws Exception {
        PublicRateLimit limit = new PublicRateLimit(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limit, "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(limit, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(call(limit, "10.0.0.2").getStatus()).as("another client").isEqualTo(200);
    }

    @Test
    void theNextMinuteStartsAfresh() throws Exception {
        PublicRateLimit first = new PublicRateLimit(1, clock);
        call(first, "10.0.0.1");
        assertThat(call(first, "10.0.0.1").getStatus()).isEqualTo(429);
        PublicRateLimit later = new PublicRateLimit(1, Clock.offset(clock, java.time.Duration.ofMinutes(1)));
        assertThat(call(later, "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void zeroSwitchesTheLimitOff() throws Exception {
        PublicRateLimit off = new PublicRateLimit(0, clock);
        for (int i = 0; i < 500; i++) {
            assertThat(call(off, "10.0.0.1").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void staffReadingAComplaintIsNotCounted() throws Exception {
        PublicRateLimit limit = new PublicRateLimit(1, clock);
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/complaints");
            get.setRemoteAddr("10.0.0.9");
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private static MockHttpServletResponse call(PublicRateLimit limit, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
