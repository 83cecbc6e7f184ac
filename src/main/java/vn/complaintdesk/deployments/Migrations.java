package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * The migration assistant over Camunda's migration API: the plan from one version of the complaint process to
 * another (equal ids mapped, plus the analyst's own mappings for renamed elements), the activities where running
 * complaints wait that the plan cannot map, and the migration of all or selected complaints as a batch. A
 * complaint waiting in an activity the plan cannot map is left on its version and reported, never broken.
 * Timers, tasks and their due dates move as they are: event triggers are not recomputed.
 */
@Component
public class Migrations {

    /** An activity of the source mapped to one of the target. */
    public record Mapping(String source, String sourceName, String target, String targetName) {
    }

    /** An activity where complaints wait that the plan does not map, with how many wait there. */
    public record Unmapped(String activityId, String name, long waiting) {
    }

    /** A running complaint on the source version and where it waits. */
    public record Waiting(String processInstanceId, String reference, List<String> activities, boolean mappable) {
    }

    public record Plan(String source, String target, List<Mapping> mappings, List<Unmapped> unmapped,
            List<Waiting> complaints, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** What a run did: the batch of the complaints it moves and the complaints it left where they were. */
    public record Run(String batchId, int migrating, List<Waiting> left) {
    }

    /** A batch's state: jobs remaining and failed, or ended. */
    public record BatchState(String batchId, long total, long remaining, long failed, boolean ended) {
    }

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final ProcessChanges changes;

    public Migrations(RuntimeService runtimeService, RepositoryService repositoryService, HistoryService historyService,
            ManagementService managementService, ProcessChanges changes) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.managementService = managementService;
        this.changes = changes;
    }

    /** The plan for moving complaints from one process definition to another; extra maps source ids to target ids. */
    public Plan plan(String source, String target, Map<String, String> extra) {
        Map<String, String> sourceNames = names(source);
        Map<String, String> targetNames = names(target);
        List<String> problems = new ArrayList<>();
        MigrationPlan plan = build(source, target, extra, problems);
        Set<String> mapped = plan == null ? Set.of() : plan.getInstructions().stream()
                .map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        List<Mapping> mappings = plan == null ? List.of() : plan.getInstructions().stream()
                .map(i -> new Mapping(i.getSourceActivityId(), sourceNames.get(i.getSourceActivityId()),
                        i.getTargetActivityId(), targetNames.get(i.getTargetActivityId())))
                .toList();
        List<Waiting> complaints = runtimeService.createProcessInstanceQuery().processDefinitionId(source)
                .orderByBusinessKey().asc().list().stream().map(instance -> waiting(instance, mapped)).toList();
        Map<String, Long> unmappedCounts = new TreeMap<>();
        complaints.forEach(c -> c.activities().stream().filter(a -> !mapped.contains(a))
                .forEach(a -> unmappedCounts.merge(a, 1L, Long::sum)));
        List<Unmapped> unmapped = unmappedCounts.entrySet().stream()
                .map(e -> new Unmapped(e.getKey(), sourceNames.get(e.getKey()), e.getValue())).toList();
        return new Plan(source, target, mappings, unmapped, complaints, problems);
    }

    /**
     * Migrates the chosen complaints (all running on the source when none are chosen) as a batch; those waiting
     * where the plan cannot map stay where they are and are reported. Recorded with the actor.
     */
    public Run run(String source, String target, Map<String, String> extra, List<String> references, String actor) {
        Plan plan = plan(source, target, extra);
        if (!plan.valid()) {
            throw new IllegalArgumentException(String.join("; ", plan.problems()));
        }
        List<Waiting> chosen = plan.complaints().stream()
                .filter(c -> references == null || references.isEmpty() || references.contains(c.reference())).toList();
        List<String> ids = chosen.stream().filter(Waiting::mappable).map(Waiting::processInstanceId).toList();
        List<Waiting> left = chosen.stream().filter(c -> !c.mappable()).toList();
        String batchId = null;
        if (!ids.isEmpty()) {
            Batch batch = runtimeService.newMigration(build(source, target, extra, new ArrayList<>()))
                    .processInstanceIds(ids).executeAsync();
            batchId = batch.getId();
        }
        changes.migration(actor, batchId, source, target, ids.size(), summary(plan, chosen, left));
        return new Run(batchId, ids.size(), left);
    }

    public BatchState state(String batchId) {
        BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (running != null) {
            return new BatchState(batchId, running.getTotalJobs(), running.getRemainingJobs(), running.getFailedJobs(), false);
        }
        HistoricBatch ended = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
        return ended == null ? null : new BatchState(batchId, ended.getTotalJobs(), 0, 0, true);
    }

    private MigrationPlan build(String source, String target, Map<String, String> extra, List<String> problems) {
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source, target).mapEqualActivities();
        extra.forEach(builder::mapActivities);
        try {
            return builder.build();
        } catch (MigrationPlanValidationException invalid) {
            invalid.getValidationReport().getInstructionReports().forEach(report -> report.getFailures()
                    .forEach(failure -> problems.add(report.getMigrationInstruction().getSourceActivityId() + " → "
                            + report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
            if (problems.isEmpty()) {
                problems.add(invalid.getMessage());
            }
            return null;
        } catch (RuntimeException unknown) {
            problems.add(unknown.getMessage());
            return null;
        }
    }

    private Waiting waiting(ProcessInstance instance, Set<String> mapped) {
        List<String> activities = new ArrayList<>();
        collect(runtimeService.getActivityInstance(instance.getId()), activities, true);
        boolean mappable = activities.stream().allMatch(mapped::contains);
        return new Waiting(instance.getId(), instance.getBusinessKey(), activities, mappable);
    }

    /** The activities the instance is in (scopes and multi-instance bodies left out: they follow their activities). */
    private static void collect(ActivityInstance instance, List<String> into, boolean root) {
        boolean leaf = instance.getChildActivityInstances().length == 0;
        String id = instance.getActivityId();
        if (!root && leaf && !id.endsWith("#multiInstanceBody") && !into.contains(id)) {
            into.add(id);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, into, false);
        }
        if (!root && !leaf && !id.endsWith("#multiInstanceBody") && !into.contains(id)) {
            into.add(id);
        }
    }

    private Map<String, String> names(String definitionId) {
        Map<String, String> names = new LinkedHashMap<>();
        repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class)
                .forEach(node -> names.put(node.getId(), node.getName()));
        return names;
    }

    private static String summary(Plan plan, List<Waiting> chosen, List<Waiting> left) {
        String mappings = plan.mappings().stream().filter(m -> !m.source().equals(m.target()))
                .map(m -> m.source() + "→" + m.target()).collect(Collectors.joining(", "));
        return "migrating " + (chosen.size() - left.size()) + " of " + chosen.size() + " complaints"
                + (mappings.isEmpty() ? "" : "; mapped " + mappings)
                + (left.isEmpty() ? "" : "; left on their version (unmappable): "
                        + left.stream().map(w -> w.reference() + " in " + String.join("/", w.activities()))
                                .collect(Collectors.joining(", ")));
    }
}
