package vn.complaintdesk.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.complaintdesk.web.DateParameters;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * "Where complaints wait" (analysts, directors, admins): the deployed diagram, drawn in the browser,
 * with the waiting figures of each step on it and in a table below.
 */
@Controller
public class WaitingController {

    private final WhereComplaintsWait whereComplaintsWait;
    private final RepositoryService repositoryService;
    private final Clock clock;
    private final ZoneId zone;
    private final DateParameters dates;

    public WaitingController(WhereComplaintsWait whereComplaintsWait, RepositoryService repositoryService,
            WorkingDayCalendar calendar, Clock clock, DateParameters dates) {
        this.dates = dates;
        this.whereComplaintsWait = whereComplaintsWait;
        this.repositoryService = repositoryService;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @GetMapping("/processes/{key}/waiting")
    public String waiting(@PathVariable String key, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String version, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = dates.day("to", to, today);
        LocalDate start = dates.day("from", from, end.withDayOfMonth(1));
        dates.period(start, end);
        Integer chosenVersion = version(version);
        WhereComplaintsWait.Report report = whereComplaintsWait.of(key, chosenVersion,
                start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("key", key);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("version", chosenVersion);
        model.addAttribute("report", report);
        return "reporting/waiting";
    }

    /** The BPMN XML of a version (the newest by default), for the viewer in the page. */
    @GetMapping("/processes/{key}/diagram.bpmn")
    public ResponseEntity<byte[]> diagram(@PathVariable String key, @RequestParam(required = false) String version)
            throws IOException {
        ProcessDefinition definition = whereComplaintsWait.diagram(key, version(version));
        try (InputStream xml = repositoryService.getProcessModel(definition.getId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.readAllBytes());
        }
    }

    private static Integer version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version is a number");
        }
    }
}
