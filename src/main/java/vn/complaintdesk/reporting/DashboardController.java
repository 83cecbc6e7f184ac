package vn.complaintdesk.reporting;

import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.complaintdesk.web.DateParameters;

/** The KPI dashboard (directors, auditors): charts and the numbers behind them, for a chosen period. */
@Controller
public class DashboardController {

    private final KpiQueries kpis;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final DateParameters dates;

    public DashboardController(KpiQueries kpis, ObjectMapper objectMapper, Clock clock, DateParameters dates) {
        this.dates = dates;
        this.kpis = kpis;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) throws JsonProcessingException {
        LocalDate end = dates.day("to", to, LocalDate.now(clock));
        LocalDate start = dates.day("from", from, end.minusDays(89));
        dates.period(start, end);
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
}
