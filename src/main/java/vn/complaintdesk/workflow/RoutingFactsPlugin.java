package vn.complaintdesk.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Before every gateway, decision table and multi-instance activity of a deployed diagram, sets the
 * {@link RoutingFacts} it reads (the variables named in its conditions, collection or the decision's
 * inputs) from our tables.
 */
@Component
public class RoutingFactsPlugin extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "inclusiveGateway");

    private final RoutingFacts facts;
    private final Map<String, Set<String>> decisionInputs = new ConcurrentHashMap<>();

    public RoutingFactsPlugin(@Lazy RoutingFacts facts) {
        this.facts = facts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                attachListeners(processElement, definition);
            }
        });
    }

    private void attachListeners(Element processElement, ProcessDefinitionEntity definition) {
        List<Element> elements = new ArrayList<>();
        collect(processElement, elements);
        Map<String, Set<String>> conditionNames = new HashMap<>();
        for (Element flow : elements) {
            Element condition = flow.element("conditionExpression");
            if ("sequenceFlow".equals(flow.getTagName()) && condition != null) {
                conditionNames.computeIfAbsent(flow.attribute("sourceRef"), k -> new HashSet<>())
                        .addAll(factsIn(condition.getText()));
            }
        }
        for (Element element : elements) {
            String id = element.attribute("id");
            if (GATEWAYS.contains(element.getTagName()) && conditionNames.containsKey(id)) {
                listen(definition.findActivity(id), execution -> facts.refresh(execution, conditionNames.get(id)));
            }
            if ("businessRuleTask".equals(element.getTagName())) {
                String decisionKey = element.attributeNS(CAMUNDA, "decisionRef");
                listen(definition.findActivity(id), execution -> facts.refresh(execution,
                        inputsOf(execution, decisionKey)));
            }
            Element loop = element.element("multiInstanceLoopCharacteristics");
            if (loop != null && loop.attributeNS(CAMUNDA, "collection") != null) {
                Set<String> names = factsIn(loop.attributeNS(CAMUNDA, "collection"));
                listen(definition.findActivity(id + "#multiInstanceBody"), execution -> facts.refresh(execution, names));
            }
        }
    }

    private static void collect(Element parent, List<Element> into) {
        for (Element child : parent.elements()) {
            into.add(child);
            collect(child, into);
        }
    }

    private static void listen(ActivityImpl activity, ExecutionListener listener) {
        if (activity != null) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
        }
    }

    /** The desk's facts an expression names (string literals left out). */
    static Set<String> factsIn(String expression) {
        Set<String> names = new HashSet<>();
        if (expression == null) {
            return names;
        }
        Matcher identifiers = IDENTIFIER.matcher(QUOTED.matcher(expression).replaceAll(" "));
        while (identifiers.find()) {
            if (RoutingFacts.NAMES.contains(identifiers.group())) {
                names.add(identifiers.group());
            }
        }
        return names;
    }

    /** The facts a decision table's inputs read, for the decision deployed with the running diagram. */
    private Set<String> inputsOf(DelegateExecution execution, String decisionKey) {
        return decisionInputs.computeIfAbsent(execution.getProcessDefinitionId() + "|" + decisionKey, key -> {
            RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
            String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
            DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
                    .decisionDefinitionKey(decisionKey).singleResult();
            if (decision == null) {
                return Set.of();
            }
            Set<String> names = new HashSet<>();
            try (InputStream xml = repository.getDecisionModel(decision.getId())) {
                Dmn.readModelFromStream(xml).getModelElementsByType(InputExpression.class)
                        .forEach(input -> names.addAll(factsIn(input.getTextContent())));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            return Set.copyOf(names);
        });
    }
}
