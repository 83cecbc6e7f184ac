package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** The tracking link lives until 90 days after closing, then looks like an unknown complaint. */
@DeskTest
class TrackingTokenExpiryTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;

    @Test
    void aClosedComplaintsLinkWorksFor90DaysAndThenAnswers404() {
        String ref = driver.closed(Category.DELIVERY);
        var complaint = driver.complaint(ref);
        assertThat(complaint.trackingExpiresAt()).isBetween(complaint.closedAt().plusDays(90).minusMinutes(1),
                complaint.closedAt().plusDays(90).plusMinutes(1));
        String url = "/api/track/" + ref + "?token=" + complaint.trackingToken();
        assertThat(http.getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.sql("UPDATE complaint SET tracking_expires_at = :past WHERE reference = :ref")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("ref", ref).update();
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/track/" + ref + "?token=" + complaint.trackingToken(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
