package vn.complaintdesk.portal;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import vn.complaintdesk.security.ClientAddress;

@Configuration
public class PublicRateLimitConfig {

    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimit(
            @Value("${complaints.public-rate-limit.per-minute:60}") int perMinute, Clock clock,
            ClientAddress clientAddress, PublicCallCounts counts) {
        FilterRegistrationBean<PublicRateLimit> registration =
                new FilterRegistrationBean<>(new PublicRateLimit(perMinute, clock, clientAddress, counts::countCall));
        registration.addUrlPatterns("/api/complaints", "/api/track/*", "/api/channels/*", "/complaint", "/track/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
