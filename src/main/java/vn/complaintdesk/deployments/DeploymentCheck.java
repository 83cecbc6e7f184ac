package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Runs before the engine's own deployers on every new deployment, whatever the door (start-up, REST, Modeler,
 * Cockpit, the analysts' page), on the complete set ({@link CompleteSet} ran before), and refuses it naming each
 * offending element: first what could run code (safety), then what the desk could not work with (fitness,
 * {@link FitnessRules}). Definitions loaded again from the database into the cache are not checked: they were
 * checked when deployed.
 */
final class DeploymentCheck implements Deployer {

    private final BpmnRules bpmn;
    private final DmnRules dmn;
    private final FitnessRules fitness;
    private final MessageSource messages;

    DeploymentCheck(DeskDelegates delegates, DeskVocabulary vocabulary, MessageSource messages) {
        this.bpmn = new BpmnRules(delegates);
        this.dmn = new DmnRules(delegates);
        this.fitness = new FitnessRules(vocabulary, delegates);
        this.messages = messages;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (!deployment.isNew() || resources == null) {
            return;
        }
        Map<String, byte[]> files = new TreeMap<>();
        resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
        Map<String, List<Refusal>> refusals = refusals(files, NewestSet.in(Context.getCommandContext()));
        if (!refusals.isEmpty()) {
            Map.Entry<String, List<Refusal>> first = refusals.entrySet().iterator().next();
            throw refused(first.getKey(), first.getValue());
        }
    }

    /**
     * Every problem of a complete set by resource name, in name order: what could run code, or, when nothing
     * can, what does not fit the desk ({@code newest} is the set in use, whose decision outputs the desk reads).
     */
    Map<String, List<Refusal>> refusals(Map<String, byte[]> files, Map<String, byte[]> newest) {
        Map<String, List<Refusal>> unsafe = new TreeMap<>();
        files.forEach((name, content) -> {
            List<Refusal> found = refusalsOf(name, content);
            if (!found.isEmpty()) {
                unsafe.put(name, found);
            }
        });
        if (!unsafe.isEmpty()) {
            return unsafe;
        }
        return new TreeMap<>(fitness.check(models(files), models(newest)));
    }

    /** The refusal as the reader sees it, naming the element by id, name and kind. */
    String describe(Refusal refusal, Locale locale) {
        return describe(refusal.element(),
                messages.getMessage(refusal.messageKey(), refusal.arguments().toArray(), locale), locale);
    }

    private static Map<String, Element> models(Map<String, byte[]> files) {
        Map<String, Element> models = new TreeMap<>();
        files.forEach((name, content) -> {
            if (ModelFiles.isModel(name)) {
                Element root = ModelFiles.readOrNull(name, content);
                if (root != null) {
                    models.put(name, root);
                }
            }
        });
        return models;
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
        boolean unfit = refusals.stream().allMatch(r -> r.messageKey().startsWith("deployment.unfit."));
        StringBuilder message = new StringBuilder(
                messages.getMessage(unfit ? "deployment.unfit" : "deployment.refused", new Object[] {resourceName}, locale));
        for (Refusal refusal : refusals) {
            String text = describe(refusal, locale);
            problems.add(new ProblemImpl(text, refusal.element()));
            message.append("\n* ").append(text);
        }
        return new DeploymentRefusedException(new ParseException(message.toString(), resourceName, problems, List.of()));
    }

    /**
     * The refusal prefixed with the element's id, name and kind, e.g. {@code Task_Evil "Evil" (serviceTask): ...}
     * (a decision table's input or output has a label instead of a name).
     */
    private String describe(Element element, String refusal, Locale locale) {
        if (element == null || element.attribute("id") == null) {
            return refusal;
        }
        String name = element.attribute("name", element.attribute("label"));
        if (name == null || name.isBlank()) {
            return messages.getMessage("deployment.refused.element",
                    new Object[] {element.attribute("id"), element.getTagName(), refusal}, locale);
        }
        return messages.getMessage("deployment.refused.namedElement",
                new Object[] {element.attribute("id"), name, element.getTagName(), refusal}, locale);
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
