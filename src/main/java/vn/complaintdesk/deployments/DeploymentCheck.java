package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Runs before the engine's own deployers on every new deployment, whatever the door (start-up, REST, Modeler,
 * Cockpit), and refuses it naming each offending element. Definitions loaded again
 * from the database into the cache are not checked: they were checked when deployed.
 */
final class DeploymentCheck implements Deployer {

    private final BpmnRules bpmn;
    private final DmnRules dmn;
    private final MessageSource messages;

    DeploymentCheck(DeskDelegates delegates, MessageSource messages) {
        this.bpmn = new BpmnRules(delegates);
        this.dmn = new DmnRules(delegates);
        this.messages = messages;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (!deployment.isNew() || resources == null) {
            return;
        }
        List<ResourceEntity> sorted = new ArrayList<>(resources.values());
        sorted.sort(Comparator.comparing(ResourceEntity::getName));
        for (ResourceEntity resource : sorted) {
            List<Refusal> refusals = refusalsOf(resource.getName(), resource.getBytes());
            if (!refusals.isEmpty()) {
                throw refused(resource.getName(), refusals);
            }
        }
    }

    /** What in this file may not be deployed; nothing for files the engine does not execute. */
    List<Refusal> refusalsOf(String resourceName, byte[] content) {
        ModelKind kind = ModelKind.of(resourceName);
        if (kind == ModelKind.OTHER) {
            return List.of();
        }
        Element root;
        try {
            root = ModelXml.read(resourceName, content);
        } catch (ProcessEngineException unreadable) {
            return List.of(Refusal.of(null, "deployment.refused.unreadable"));
        }
        return switch (kind) {
            case BPMN -> bpmn.check(root);
            case DMN -> dmn.check(root);
            case CMMN -> List.of(Refusal.of(root, "deployment.refused.caseDefinition"));
            case OTHER -> List.of();
        };
    }

    private DeploymentRefusedException refused(String resourceName, List<Refusal> refusals) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Problem> problems = new ArrayList<>();
        StringBuilder message = new StringBuilder(
                messages.getMessage("deployment.refused", new Object[] {resourceName}, locale));
        for (Refusal refusal : refusals) {
            String text = describe(refusal.element(),
                    messages.getMessage(refusal.messageKey(), refusal.arguments().toArray(), locale), locale);
            problems.add(new ProblemImpl(text, refusal.element()));
            message.append("\n* ").append(text);
        }
        return new DeploymentRefusedException(new ParseException(message.toString(), resourceName, problems, List.of()));
    }

    /** The refusal prefixed with the element's id and kind, e.g. {@code Task_Evil (serviceTask): ...}. */
    private String describe(Element element, String refusal, Locale locale) {
        if (element == null || element.attribute("id") == null) {
            return refusal;
        }
        return messages.getMessage("deployment.refused.element",
                new Object[] {element.attribute("id"), element.getTagName(), refusal}, locale);
    }

    private enum ModelKind {
        BPMN, DMN, CMMN, OTHER;

        static ModelKind of(String resourceName) {
            String name = resourceName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                return BPMN;
            }
            if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                return DMN;
            }
            if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
                return CMMN;
            }
            return OTHER;
        }
    }
}
