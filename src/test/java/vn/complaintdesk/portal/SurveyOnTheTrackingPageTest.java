package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/** The survey waits the configured delay after closing, then opens on the tracking page as radio-button stars. */
@DeskTest
class SurveyOnTheTrackingPageTest {

    @Autowired ProcessDriver driver;
    @Value("${complaints.survey.delay}") Duration surveyDelay;
    @LocalServerPort int port;

    @Test
    void theSurveyTimerWaitsTheConfiguredDelayAfterClosing() {
        Instant before = Instant.now();
        String reference = driver.closed(Category.PROMOTION_TERMS);

        Instant due = driver.timer(reference, "Timer_SurveyDelay").getDuedate().toInstant();

        assertThat(surveyDelay).isEqualTo(Duration.ofHours(72));
        assertThat(due).isBetween(before.plus(surveyDelay).minusSeconds(5), Instant.now().plus(surveyDelay).plusSeconds(5));
    }

    @Test
    void onceTheSurveyOpensTheTrackingPageLeadsToFiveStarsTheKeyboardAndTouchCanChoose() {
        String reference = driver.closed(Category.PROMOTION_TERMS);
        Complaint complaint = driver.complaint(reference);
        String path = "/track/" + reference + "?token=" + complaint.trackingToken() + "&lang=en";
        assertThat(StaffSession.anonymous(port).get(path).body()).doesNotContain("id=\"survey-section\"");

        driver.fireTimer(reference, "Timer_SurveyDelay");
        String page = StaffSession.anonymous(port).get(path).body();

        assertThat(page).contains("id=\"go-survey\"", "href=\"#survey-section\"", "id=\"survey-section\"");
        for (int stars = 1; stars <= 5; stars++) {
            assertThat(page).contains("type=\"radio\" name=\"rating\" id=\"rating-" + stars + "\"",
                    "for=\"rating-" + stars + "\"", stars + " of 5 stars");
        }
    }
}
