package vn.complaintdesk.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * For one process (all its versions, or one of them): per waiting place of the diagram, the instances
 * waiting there now and the time spent there by those that left it in a period, with a heat level.
 */
@Service
public class WhereComplaintsWait {

    /**
     * One waiting place with its figures; {@code heat} is 0 (nobody waiting, or a sub-process, which holds
     * the steps inside it) to 4 (the busiest step).
     */
    public record ActivityWait(String id, String name, String kind, long waiting, long passed, Double medianMillis,
            Double p90Millis, int heat) {
    }

    /** The diagram shown (a version) and whether the figures cover only it or every version of its key. */
    public record Report(ProcessDefinition shown, boolean allVersions, List<Integer> versions,
            List<ActivityWait> activities) {
    }

    static final int HOTTEST = 4;

    private final RepositoryService repositoryService;
    private final WaitingTimes waitingTimes;

    public WhereComplaintsWait(RepositoryService repositoryService, WaitingTimes waitingTimes) {
        this.repositoryService = repositoryService;
        this.waitingTimes = waitingTimes;
    }

    /** @param version null for the newest diagram with figures over all versions */
    public Report of(String processKey, Integer version, Instant from, Instant to) {
        List<ProcessDefinition> definitions = versions(processKey);
        ProcessDefinition shown = diagram(definitions, version);
        List<String> measured = version == null
                ? definitions.stream().map(ProcessDefinition::getId).toList()
                : List.of(shown.getId());
        Map<String, Long> waiting = waitingTimes.waitingNow(measured);
        Map<String, WaitingTimes.Passages> passages = waitingTimes.passages(measured, from, to);
        List<WaitActivities.WaitActivity> places = WaitActivities.of(
                repositoryService.getBpmnModelInstance(shown.getId()), processKey);
        // A sub-process holds every complaint waiting inside it, so it would always be the hottest place.
        long busiest = places.stream().filter(p -> !p.container())
                .mapToLong(p -> waiting.getOrDefault(p.historyId(), 0L)).max().orElse(0);
        List<ActivityWait> activities = places.stream().map(place -> {
            long now = waiting.getOrDefault(place.historyId(), 0L);
            WaitingTimes.Passages left = passages.getOrDefault(place.historyId(),
                    new WaitingTimes.Passages(0, null, null));
            return new ActivityWait(place.id(), place.name(), place.kind(), now, left.count(), left.medianMillis(),
                    left.p90Millis(), place.container() ? 0 : heat(now, busiest));
        }).toList();
        return new Report(shown, version == null, definitions.stream().map(ProcessDefinition::getVersion).toList(),
                activities);
    }

    /** The diagram of a version (the newest when null), as deployed. */
    public ProcessDefinition diagram(String processKey, Integer version) {
        return diagram(versions(processKey), version);
    }

    static int heat(long waiting, long busiest) {
        return waiting == 0 ? 0 : (int) Math.ceil((double) HOTTEST * waiting / busiest);
    }

    private List<ProcessDefinition> versions(String processKey) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).orderByProcessDefinitionVersion().desc().list();
        if (definitions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no process " + processKey);
        }
        return definitions;
    }

    private static ProcessDefinition diagram(List<ProcessDefinition> definitions, Integer version) {
        if (version == null) {
            return definitions.get(0);
        }
        return definitions.stream().filter(d -> d.getVersion() == version).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no version " + version));
    }
}
