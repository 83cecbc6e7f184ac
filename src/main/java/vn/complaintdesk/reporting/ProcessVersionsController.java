package vn.complaintdesk.reporting;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.complaintdesk.workflow.ComplaintProcess;

/**
 * For analysts (and admins, directors): every deployed version of the diagrams and decision tables,
 * with the number of complaints still running on each process version.
 */
@Controller
public class ProcessVersionsController {

    public record ProcessVersion(String id, String key, String name, int version, String deploymentId,
            java.util.Date deployedAt, long running) {
    }

    public record DecisionVersion(String key, String name, int version, String deploymentId) {
    }

    private final RepositoryService repositoryService;
    private final ComplaintProcess process;

    public ProcessVersionsController(RepositoryService repositoryService, ComplaintProcess process) {
        this.repositoryService = repositoryService;
        this.process = process;
    }

    @GetMapping("/processes")
    public String versions(Model model) {
        Map<String, Deployment> deployments = repositoryService.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d));
        List<ProcessVersion> processes = repositoryService.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> version(d, deployments.get(d.getDeploymentId()))).toList();
        List<DecisionVersion> decisions = repositoryService.createDecisionDefinitionQuery()
                .orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion().desc().list().stream()
                .map(d -> new DecisionVersion(d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId()))
                .toList();
        model.addAttribute("processes", processes);
        model.addAttribute("decisions", decisions);
        return "reporting/processes";
    }

    private ProcessVersion version(ProcessDefinition definition, Deployment deployment) {
        long running = process.runningInstances(definition.getId());
        return new ProcessVersion(definition.getId(), definition.getKey(), definition.getName(),
                definition.getVersion(), definition.getDeploymentId(),
                deployment == null ? null : deployment.getDeploymentTime(), running);
    }

}
