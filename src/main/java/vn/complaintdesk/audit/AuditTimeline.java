package vn.complaintdesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * One timeline of a complaint for auditors: our log book merged with Camunda's history (activities
 * with start, end and who, user operations, changes of the variables that route the process,
 * incidents, timers fired), oldest first.
 */
@Component
public class AuditTimeline {

    /** Process variables that decide the route; others are technical. */
    static final Set<String> ROUTING_VARIABLES = Set.of("outcome", "departments", "decision", "accepts", "rating",
            "round", "firstContact", "remedy", "amount", "approverGroup", "limitationDays");

    public record Entry(OffsetDateTime at, String source, String actor, String what, String detail) {
    }

    private final HistoryService historyService;
    private final ComplaintEventLog eventLog;
    private final ZoneId zone;

    public AuditTimeline(HistoryService historyService, ComplaintEventLog eventLog, WorkingDayCalendar calendar) {
        this.historyService = historyService;
        this.eventLog = eventLog;
        this.zone = calendar.zone();
    }

    public List<Entry> of(Complaint complaint) {
        List<Entry> entries = new ArrayList<>();
        eventLog.of(complaint.id()).forEach(e -> entries.add(new Entry(local(e.at()), "log", e.actor(), e.type(),
                e.detail())));
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(complaint.reference()).list()) {
            String id = instance.getId();
            for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(id).list()) {
                if (activity.getActivityName() == null) {
                    continue;
                }
                String detail = activity.getActivityType()
                        + (activity.getEndTime() == null ? " (open)" : ", ended " + local(activity.getEndTime()))
                        + (activity.isCanceled() ? ", cancelled" : "");
                entries.add(new Entry(local(activity.getStartTime()), "engine", activity.getAssignee(),
                        activity.getActivityName(), detail));
            }
            for (UserOperationLogEntry operation : historyService.createUserOperationLogQuery().processInstanceId(id)
                    .list()) {
                entries.add(new Entry(local(operation.getTimestamp()), "operation", operation.getUserId(),
                        operation.getOperationType() + " " + operation.getEntityType(),
                        operation.getProperty() == null ? null
                                : operation.getProperty() + ": " + operation.getOrgValue() + " → " + operation.getNewValue()));
            }
            for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(id)
                    .variableUpdates().disableBinaryFetching().list()) {
                if (detail instanceof HistoricVariableUpdate update
                        && ROUTING_VARIABLES.contains(update.getVariableName())) {
                    entries.add(new Entry(local(update.getTime()), "variable", update.getUserOperationId() == null
                            ? null : update.getUserOperationId(), update.getVariableName(),
                            String.valueOf(update.getValue())));
                }
            }
            for (HistoricIncident incident : historyService.createHistoricIncidentQuery().processInstanceId(id)
                    .list()) {
                entries.add(new Entry(local(incident.getCreateTime()), "incident", null,
                        incident.getIncidentType() + " at " + incident.getActivityId(),
                        incident.getIncidentMessage() + (incident.isResolved() ? " (resolved)" : "")));
            }
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private OffsetDateTime local(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
