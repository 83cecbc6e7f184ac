package vn.complaintdesk.portal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the counts of past minutes, which no limit reads any more. */
@Component
public class PublicRateLimitCleanup {

    private final PublicCallCounts counts;
    private final Clock clock;

    public PublicRateLimitCleanup(PublicCallCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @SchedulerLock(name = "public-rate-limit-cleanup", lockAtMostFor = "PT4M")
    public void deletePastMinutes() {
        counts.deleteBefore(clock.millis() / 60_000);
    }
}
