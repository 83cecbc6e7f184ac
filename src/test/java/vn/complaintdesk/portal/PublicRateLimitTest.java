package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.complaintdesk.security.ClientAddress;
import vn.complaintdesk.support.DeskTest;

/** The limit counted in the database (H2 here; PostgreSQL and two nodes in ClusterNodesIT). */
@DeskTest
class PublicRateLimitTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:00:10Z"), ZoneOffset.UTC);
    private final ClientAddress directClients = new ClientAddress(List.of());

    @Autowired
    PublicCallCounts counts;

    @Test
    void theCallOverTheLimitIsAnswered429WithRetryAfter() throws Exception {
        PublicRateLimit limit = limit(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limit, "10.1.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(limit, "10.1.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(call(limit, "10.1.0.2").getStatus()).as("another client").isEqualTo(200);
    }

    @Test
    void theNextMinuteStartsAfresh() throws Exception {
        call(limit(1, clock), "10.2.0.1");
        assertThat(call(limit(1, clock), "10.2.0.1").getStatus()).isEqualTo(429);
        assertThat(call(limit(1, Clock.offset(clock, Duration.ofMinutes(1))), "10.2.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void pastMinutesAreForgotten() throws Exception {
        call(limit(5, Clock.offset(clock, Duration.ofMinutes(-10))), "10.3.0.1");
        assertThat(counts.deleteBefore(clock.millis() / 60_000)).isPositive();
        assertThat(counts.deleteBefore(clock.millis() / 60_000)).isZero();
    }

    @Test
    void zeroSwitchesTheLimitOff() throws Exception {
        PublicRateLimit off = limit(0, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(call(off, "10.4.0.1").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void staffReadingAComplaintIsNotCounted() throws Exception {
        PublicRateLimit limit = limit(1, clock);
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/complaints");
            get.setRemoteAddr("10.5.0.9");
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private PublicRateLimit limit(int perMinute, Clock at) {
        return new PublicRateLimit(perMinute, at, directClients, counts::countCall);
    }

    private static MockHttpServletResponse call(PublicRateLimit limit, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
