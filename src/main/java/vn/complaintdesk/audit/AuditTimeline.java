package vn.complaintdesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.LogBookText;
import vn.complaintdesk.reporting.StepNames;
import vn.complaintdesk.web.DisplayFormats;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.DeskHistoryLevel;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * One timeline of a complaint for auditors: our log book merged with Camunda's history (activities
 * with start, end and who, user operations, changes of the variables that route the process,
 * incidents, timers fired), oldest first.
 */
@Component
public class AuditTimeline {

    /** Process variables that decide the route; others are technical (and the engine keeps no changes of them). */
    static final Set<String> ROUTING_VARIABLES = DeskHistoryLevel.AUDITED_VARIABLES;

    public record Entry(OffsetDateTime at, String source, String actor, String what, String detail) {
    }

    private final ComplaintProcess process;
    private final ComplaintEventLog eventLog;
    private final ZoneId zone;
    private final LogBookText logBook;
    private final StepNames steps;
    private final MessageSource messages;
    private final DisplayFormats formats;

    public AuditTimeline(ComplaintProcess process, ComplaintEventLog eventLog, WorkingDayCalendar calendar,
            LogBookText logBook, StepNames steps, MessageSource messages, DisplayFormats formats) {
        this.process = process;
        this.eventLog = eventLog;
        this.zone = calendar.zone();
        this.logBook = logBook;
        this.steps = steps;
        this.messages = messages;
        this.formats = formats;
    }

    public List<Entry> of(Complaint complaint) {
        List<Entry> entries = new ArrayList<>();
        eventLog.of(complaint.id()).forEach(e -> entries.add(new Entry(local(e.at()), "log", logBook.actor(e.actor()),
                logBook.type(e.type()), logBook.text(e))));
        ComplaintProcess.History history = process.history(complaint.reference());
        for (HistoricActivityInstance activity : history.activities()) {
            if (activity.getActivityName() == null) {
                continue;
            }
            String detail = activity.getEndTime() == null ? message("audit.activity.open")
                    : message("audit.activity.ended", formats.dateTime(local(activity.getEndTime())))
                            + (activity.isCanceled() ? message("audit.activity.cancelled") : "");
            entries.add(new Entry(local(activity.getStartTime()), "engine", activity.getAssignee(),
                    steps.name(activity.getActivityId(), activity.getActivityName()), detail));
        }
        for (UserOperationLogEntry operation : history.operations()) {
            entries.add(new Entry(local(operation.getTimestamp()), "operation", operation.getUserId(),
                    messages.getMessage("audit.operation." + operation.getOperationType(), null,
                            operation.getOperationType() + " " + operation.getEntityType(), LocaleContextHolder.getLocale()),
                    operation.getProperty() == null ? null
                            : operation.getProperty() + ": " + logBook.value(operation.getProperty(), operation.getOrgValue())
                                    + " → " + logBook.value(operation.getProperty(), operation.getNewValue())));
        }
        for (HistoricDetail detail : history.variableUpdates()) {
            if (detail instanceof HistoricVariableUpdate update
                    && ROUTING_VARIABLES.contains(update.getVariableName())) {
                entries.add(new Entry(local(update.getTime()), "variable", update.getUserOperationId(),
                        update.getVariableName(), logBook.value(update.getVariableName(), listText(update.getValue()))));
            }
        }
        for (HistoricIncident incident : history.incidents()) {
            entries.add(new Entry(local(incident.getCreateTime()), "incident", null,
                    incident.getIncidentType() + " at " + incident.getActivityId(),
                    incident.getIncidentMessage() + (incident.isResolved() ? " (resolved)" : "")));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    /** A list variable (departmentGroups) as "a,b" so that each code is named. */
    private static String listText(Object value) {
        return value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : value == null ? null : String.valueOf(value);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private OffsetDateTime local(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
