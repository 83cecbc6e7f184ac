package vn.complaintdesk.deployments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import vn.complaintdesk.workflow.ProcessNames;

/**
 * The analysts' page for changing the procedure in production: validate or deploy uploaded diagrams and decision
 * tables (completed with the set in use), deploy the processes folder, see what a set changes against the one in
 * use, roll back by deploying an earlier set again, and the record of every change.
 */
@Controller
public class ProcessChangesController {

    private static final String PAGE = "deployments/changes";
    private static final int SHOWN_CHANGES = 50;
    private static final int SHOWN_VERSIONS = 20;
    private static final Set<String> NOTICES = Set.of("deployed", "nothingNew", "unknownDeployment");

    /** A deployed set: the version of the complaint process it holds, when and through which door it came. */
    public record SetVersion(int version, String deploymentId, Date deployedAt, String door) {
    }

    private final ProcessDeployer deployer;
    private final DeploymentValidation validation;
    private final RepositoryService repositoryService;
    private final ProcessChanges changes;

    public ProcessChangesController(ProcessDeployer deployer, DeploymentValidation validation,
            RepositoryService repositoryService, ProcessChanges changes) {
        this.deployer = deployer;
        this.validation = validation;
        this.repositoryService = repositoryService;
        this.changes = changes;
    }

    @GetMapping("/processes/changes")
    public String page(@RequestParam(required = false) String compare, @RequestParam(required = false) String done,
            @RequestParam(required = false) String deployment, @RequestParam(required = false) List<String> older,
            Model model) {
        if (done != null && NOTICES.contains(done)) {
            model.addAttribute("notice", "changes." + done);
            model.addAttribute("deployedId", deployment);
            model.addAttribute("olderLeft", older);
        }
        if (compare != null && !compare.isBlank()) {
            Map<String, byte[]> set = NewestSet.files(repositoryService, compare);
            if (set.isEmpty()) {
                model.addAttribute("notice", "changes.unknownDeployment");
            } else {
                model.addAttribute("diff", SetDiff.between(NewestSet.of(repositoryService), set));
                model.addAttribute("compared", compare);
            }
        }
        return show(model);
    }

    /** For auditors: who changed the procedure, when, and what. */
    @GetMapping("/audit/process-changes")
    public String record(Model model) {
        model.addAttribute("changes", changes.latest(SHOWN_CHANGES));
        return "deployments/record";
    }

    @PostMapping("/processes/validate")
    public String validate(@RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale,
            Model model, HttpServletResponse response) {
        Optional<Map<String, byte[]>> uploaded = uploaded(files, model, response);
        if (uploaded.isEmpty()) {
            return show(model);
        }
        List<DeploymentValidation.Problem> problems = validation.problems(uploaded.get(), locale);
        model.addAttribute("problems", problems);
        model.addAttribute("validated", true);
        model.addAttribute("diff", SetDiff.between(NewestSet.of(repositoryService), validation.completed(uploaded.get())));
        return show(model);
    }

    @PostMapping("/processes/deploy")
    public String deploy(@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal user,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Map<String, byte[]>> uploaded = uploaded(files, model, response);
        if (uploaded.isEmpty()) {
            return show(model);
        }
        List<DeploymentValidation.Problem> problems = validation.problems(uploaded.get(), locale);
        if (!problems.isEmpty()) {
            return refused(problems, model, response);
        }
        try {
            return deployed(deployer.deploy(uploaded.get(), ProcessDeployer.PAGE_DOOR, user.getName()), redirect);
        } catch (DeploymentRefusedException refused) {
            return refused(List.of(new DeploymentValidation.Problem(null, null,
                    refused.getMessage())), model, response);
        } catch (ParseException unparsable) {
            return refused(List.of(new DeploymentValidation.Problem(null, null,
                    unparsable.getMessage())), model, response);
        }
    }

    @PostMapping("/processes/deploy-folder")
    public String deployFolder(Principal user, RedirectAttributes redirect) {
        ProcessDeployer.FolderOutcome outcome = deployer.deployFolder(user.getName());
        redirect.addAttribute("older", outcome.olderLeft());
        return deployed(outcome.deployment(), redirect);
    }

    @PostMapping("/processes/rollback")
    public String rollBack(@RequestParam String deploymentId, Principal user, RedirectAttributes redirect) {
        Map<String, byte[]> set = NewestSet.files(repositoryService, deploymentId);
        if (set.isEmpty()) {
            redirect.addAttribute("done", "unknownDeployment");
            return "redirect:/processes/changes";
        }
        return deployed(deployer.deploy(set, ProcessDeployer.PAGE_DOOR, user.getName()), redirect);
    }

    private String deployed(Optional<DeploymentWithDefinitions> deployment, RedirectAttributes redirect) {
        redirect.addAttribute("done", deployment.isPresent() ? "deployed" : "nothingNew");
        deployment.ifPresent(d -> redirect.addAttribute("deployment", d.getId()));
        return "redirect:/processes/changes";
    }

    private String refused(List<DeploymentValidation.Problem> problems, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", problems);
        model.addAttribute("refused", true);
        return show(model);
    }

    private Optional<Map<String, byte[]>> uploaded(List<MultipartFile> files, Model model, HttpServletResponse response) {
        Map<String, byte[]> uploaded = new TreeMap<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename() == null ? "" : ModelFiles.fileName(file.getOriginalFilename());
            if (file.isEmpty() && name.isEmpty()) {
                continue;
            }
            if (!ModelFiles.isModel(name) || !name.matches("[A-Za-z0-9._-]+")) {
                model.addAttribute("uploadError", "changes.notAModel");
                model.addAttribute("uploadErrorFile", name);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return Optional.empty();
            }
            try {
                uploaded.put(name, file.getBytes());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        if (uploaded.isEmpty()) {
            model.addAttribute("uploadError", "changes.noFiles");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return Optional.empty();
        }
        return Optional.of(uploaded);
    }

    private String show(Model model) {
        List<SetVersion> versions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessNames.COMPLAINT_PROCESS).orderByProcessDefinitionVersion().desc()
                .listPage(0, SHOWN_VERSIONS).stream().map(definition -> {
                    Deployment deployment = repositoryService.createDeploymentQuery()
                            .deploymentId(definition.getDeploymentId()).singleResult();
                    return new SetVersion(definition.getVersion(), definition.getDeploymentId(),
                            deployment.getDeploymentTime(), deployment.getSource() == null ? deployment.getName() : deployment.getSource());
                }).toList();
        model.addAttribute("inUse", NewestSet.deploymentId(repositoryService));
        model.addAttribute("versions", versions);
        model.addAttribute("folder", deployer.location());
        model.addAttribute("changes", changes.latest(SHOWN_CHANGES));
        return PAGE;
    }
}
