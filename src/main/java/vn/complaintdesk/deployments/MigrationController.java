package vn.complaintdesk.deployments;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

import vn.complaintdesk.workflow.ProcessNames;

/**
 * The migration assistant page: pick source and target versions of the complaint process, see the plan and what
 * it cannot map, move all or the selected complaints as a batch, follow the batch.
 */
@Controller
public class MigrationController {

    private static final String PAGE = "deployments/migration";

    private final Migrations migrations;
    private final RepositoryService repositoryService;

    public MigrationController(Migrations migrations, RepositoryService repositoryService) {
        this.migrations = migrations;
        this.repositoryService = repositoryService;
    }

    @GetMapping("/processes/migration")
    public String plan(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
            @RequestParam(required = false) String mappings, Model model, HttpServletResponse response) {
        List<ProcessDefinition> versions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessNames.COMPLAINT_PROCESS).orderByProcessDefinitionVersion().desc().list();
        model.addAttribute("versions", versions);
        model.addAttribute("source", source);
        model.addAttribute("target", target == null && !versions.isEmpty() ? versions.get(0).getId() : target);
        model.addAttribute("mappings", mappings == null ? "" : mappings);
        if (source != null && target != null) {
            if (!isVersion(versions, source) || !isVersion(versions, target)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown version");
            }
            Migrations.Plan plan = migrations.plan(source, target, extraMappings(mappings));
            if (!plan.valid()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            model.addAttribute("plan", plan);
        }
        return PAGE;
    }

    @PostMapping("/processes/migration")
    public String run(@RequestParam String source, @RequestParam String target,
            @RequestParam(required = false) String mappings, @RequestParam(required = false) List<String> references,
            Principal user, Model model, HttpServletResponse response) {
        List<ProcessDefinition> versions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessNames.COMPLAINT_PROCESS).list();
        if (!isVersion(versions, source) || !isVersion(versions, target)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown version");
        }
        Migrations.Plan plan = migrations.plan(source, target, extraMappings(mappings));
        if (!plan.valid()) {
            return plan(source, target, mappings, model, response);
        }
        Migrations.Run run = migrations.run(source, target, extraMappings(mappings), references, user.getName());
        model.addAttribute("run", run);
        model.addAttribute("state", run.batchId() == null ? null : migrations.state(run.batchId()));
        return "deployments/migration-run";
    }

    @GetMapping("/processes/migration/batches/{batchId}")
    public String batch(@PathVariable String batchId, Model model) {
        Migrations.BatchState state = migrations.state(batchId);
        if (state == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("state", state);
        return "deployments/migration-run";
    }

    /** "SourceId = TargetId", one a line: the analyst's mappings for renamed elements. */
    static Map<String, String> extraMappings(String text) {
        Map<String, String> mappings = new LinkedHashMap<>();
        if (text == null) {
            return mappings;
        }
        for (String line : text.split("\\R")) {
            String[] parts = line.split("=|→|->");
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                mappings.put(parts[0].strip(), parts[1].strip());
            }
        }
        return mappings;
    }

    private static boolean isVersion(List<ProcessDefinition> versions, String id) {
        return versions.stream().anyMatch(v -> v.getId().equals(id));
    }
}
