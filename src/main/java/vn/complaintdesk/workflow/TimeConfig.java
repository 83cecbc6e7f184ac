package vn.complaintdesk.workflow;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class TimeConfig {

    @Bean
    Clock clock(CalendarProperties properties) {
        return new EngineClock(properties.zone());
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
        return new WorkingDayCalendar(properties.zone(), properties.holidays());
    }
}
