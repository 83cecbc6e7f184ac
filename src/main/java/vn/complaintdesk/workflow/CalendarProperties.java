package vn.complaintdesk.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.calendar.*}: the zone and the public holidays (ISO dates) that are not working days. */
@ConfigurationProperties("complaints.calendar")
public record CalendarProperties(ZoneId zone, List<LocalDate> holidays) {

    public CalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
