package vn.complaintdesk.workflow;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level {@code desk}: FULL without what nobody reads (README, "Engine at
 * scale"). Kept: process, activity and task instances, the latest value of every variable, every
 * change of the variables that route a complaint, user operations, incidents, failed job attempts,
 * decision evaluations, batches: what the auditor's file, Cockpit and the reports read. Dropped: the
 * change log of all other variables (texts, deadlines, flags), the job log of created, succeeded and
 * deleted jobs, and the history of candidate groups and assignees.
 */
public class DeskHistoryLevel implements HistoryLevel {

    public static final String NAME = "desk";
    /** Stored in ACT_GE_PROPERTY; FULL is 3, custom levels take ids of their own. */
    public static final int ID = 35;

    /** Variables whose every change is kept: the routing facts and the results of the desk's decisions. */
    public static final Set<String> AUDITED_VARIABLES = Stream.concat(RoutingFacts.NAMES.stream(), Stream.of(
            ProcessNames.Variable.APPROVER_GROUP, ProcessNames.Variable.LIMITATION_DAYS,
            ProcessNames.Variable.REPLY_KIND)).collect(Collectors.toUnmodifiableSet());

    private static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE, HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (DROPPED.contains(eventType)) {
            return false;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && entity instanceof HistoricVariableUpdateEventEntity update) {
            return AUDITED_VARIABLES.contains(update.getVariableName());
        }
        return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
