package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The checks of a deployment run without deploying: what the analysts' page shows under "validate". */
@Component
public class DeploymentValidation {

    /** One problem: the file, the element it names (may be null) and the text the reader reads. */
    public record Problem(String resource, String elementId, String text) {
    }

    private final DeploymentCheckPlugin plugin;
    private final RepositoryService repositoryService;

    public DeploymentValidation(DeploymentCheckPlugin plugin, RepositoryService repositoryService) {
        this.plugin = plugin;
        this.repositoryService = repositoryService;
    }

    /** The complete set a deployment of these files would make: them and the set in use's other files. */
    public Map<String, byte[]> completed(Map<String, byte[]> files) {
        Map<String, byte[]> complete = new TreeMap<>(files);
        complete.putAll(DeskSet.missingFrom(files, NewestSet.of(repositoryService)));
        return complete;
    }

    /** Every problem the engine would refuse these files for, deployed alone or with others; empty when fit. */
    public List<Problem> problems(Map<String, byte[]> files, Locale locale) {
        Map<String, byte[]> newest = NewestSet.of(repositoryService);
        Map<String, byte[]> complete = new TreeMap<>(files);
        complete.putAll(DeskSet.missingFrom(files, newest));
        DeploymentCheck check = plugin.check();
        List<Problem> problems = new ArrayList<>();
        check.refusals(complete, newest).forEach((resource, refusals) -> refusals.forEach(refusal -> problems.add(
                new Problem(resource, refusal.element() == null ? null : refusal.element().attribute("id"),
                        check.describe(refusal, locale)))));
        return problems;
    }
}
