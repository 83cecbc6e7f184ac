package vn.complaintdesk.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The KPI dashboard (directors, auditors): charts and the numbers behind them, for a chosen period. */
@Controller
public class DashboardController {

    private final KpiQueries kpis;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DashboardController(KpiQueries kpis, ObjectMapper objectMapper, Clock clock) {
        this.kpis = kpis;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) throws JsonProcessingException {
        LocalDate end = date(to, LocalDate.now(clock));
        LocalDate start = date(from, end.minusDays(89));
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
        }
        KpiQueries.Kpis result = kpis.of(start, end);
        // The period just before, of the same length: "how did this month compare with the last".
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate previousEnd = start.minusDays(1);
        LocalDate previousStart = previousEnd.minusDays(days - 1);
        model.addAttribute("previousFrom", previousStart);
        model.addAttribute("previousTo", previousEnd);
        model.addAttribute("previous", kpis.of(previousStart, previousEnd));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("kpis", result);
        model.addAttribute("byAssignee", kpis.workloadByAssignee());
        model.addAttribute("byGroup", kpis.workloadByGroup());
        // Handed to the charts as inert JSON (no inline script: the CSP forbids it).
        model.addAttribute("chartData", objectMapper.writeValueAsString(result));
        return "reporting/dashboard";
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates are YYYY-MM-DD");
        }
    }
}
