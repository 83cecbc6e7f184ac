package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a BPMN diagram may hold: user tasks, gateways, timers, messages, call activities and service tasks that
 * call one of the desk's delegates. Everything through which a diagram could run code of its own is refused:
 * scripts, classes, listeners, connectors, free expressions, start events that start instances without anyone
 * asking (timer, message, signal, conditional) and event sub-processes.
 */
final class BpmnRules {

    /** Business key handed to call activities, as the contract requires; the one expression with a property. */
    static final String BUSINESS_KEY_TO_CALLED_PROCESS = "#{execution.processBusinessKey}";

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern FORM_KEY = Pattern.compile("/forms/[A-Za-z][A-Za-z0-9]*");

    /** Elements whose text the engine evaluates and where a plain expression is fine (with all they contain). */
    private static final Set<String> PLAIN_EXPRESSION_TEXTS = Set.of("conditionExpression", "condition", "timeDate",
            "timeDuration", "timeCycle", "loopCardinality", "completionCondition", "resourceAssignmentExpression",
            "inputOutput");
    /** Camunda attributes where a plain expression is fine. */
    private static final Set<String> PLAIN_EXPRESSION_ATTRIBUTES = Set.of("collection", "elementVariable",
            "candidateGroups", "candidateUsers", "assignee", "dueDate", "followUpDate", "priority");
    /** Texts the engine never evaluates. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private final DeskDelegates delegates;

    BpmnRules(DeskDelegates delegates) {
        this.delegates = delegates;
    }

    List<Refusal> check(Element definitions) {
        Walk walk = new Walk(elementVariables(definitions));
        walk.visit(definitions, null, definitions, false);
        return walk.refusals;
    }

    private final class Walk {
        private final List<Refusal> refusals = new ArrayList<>();
        private final JuelExpressions expressions;

        Walk(Set<String> elementVariables) {
            // An element variable of a multi-instance activity shadows a bean of the same name.
            this.expressions = new JuelExpressions(name -> !elementVariables.contains(name) && delegates.isBean(name));
        }

        void visit(Element element, Element parent, Element owner, boolean plainExpressions) {
            if (!XmlNames.BPMN.equals(element.getUri()) && !XmlNames.CAMUNDA_BPMN.contains(element.getUri())) {
                return; // diagram layout and other tools' extensions: the engine reads none of it
            }
            Element named = element.attribute("id") != null ? element : owner;
            Optional<Refusal> refused = refusedElement(element, parent, named);
            if (refused.isPresent()) {
                refusals.add(refused.get());
                return;
            }
            attributes(element, named);
            boolean plain = plainExpressions || PLAIN_EXPRESSION_TEXTS.contains(element.getTagName());
            text(element, named, plain);
            for (Element child : element.elements()) {
                visit(child, element, named, plain);
            }
        }

        private Optional<Refusal> refusedElement(Element element, Element parent, Element named) {
            String tag = element.getTagName();
            boolean camunda = XmlNames.CAMUNDA_BPMN.contains(element.getUri());
            if (!camunda && tag.equals("scriptTask")) {
                return Optional.of(Refusal.of(named, "deployment.refused.scriptTask"));
            }
            if (tag.equals("script")) {
                return Optional.of(Refusal.of(named, "deployment.refused.script"));
            }
            if (camunda && (tag.equals("executionListener") || tag.equals("taskListener"))) {
                return Optional.of(Refusal.of(named, "deployment.refused.listener", XmlNames.shown(element)));
            }
            if (camunda && tag.equals("connector")) {
                return Optional.of(Refusal.of(named, "deployment.refused.connector"));
            }
            if (camunda && tag.equals("expression")) {
                return Optional.of(Refusal.of(named, "deployment.refused.camundaExpression"));
            }
            if (camunda && tag.equals("constraint") && "validator".equals(element.attribute("name"))) {
                return Optional.of(Refusal.of(named, "deployment.refused.validator"));
            }
            if (!camunda && tag.equals("subProcess") && "true".equals(element.attribute("triggeredByEvent"))) {
                return Optional.of(Refusal.of(named, "deployment.refused.eventSubProcess"));
            }
            if (!camunda && tag.equals("startEvent") && parent != null && parent.getTagName().equals("process")
                    && element.elements().stream().anyMatch(BpmnRules::isEventDefinition)) {
                return Optional.of(Refusal.of(named, "deployment.refused.startEvent"));
            }
            return Optional.empty();
        }

        private void attributes(Element element, Element named) {
            boolean variableMapping = XmlNames.CAMUNDA_BPMN.contains(element.getUri())
                    && (element.getTagName().equals("in") || element.getTagName().equals("out"));
            for (String key : element.attributes()) {
                String value = element.attribute(key);
                String name = XmlNames.localNameOf(key);
                if (XmlNames.CAMUNDA_BPMN.contains(XmlNames.namespaceOf(key))) {
                    camundaAttribute(named, key, name, value);
                } else if (name.equals("language") || name.equals("scriptFormat")) {
                    refusals.add(Refusal.of(named, "deployment.refused.script"));
                } else if (variableMapping) {
                    if (!(name.equals("businessKey") && value.equals(BUSINESS_KEY_TO_CALLED_PROCESS))) {
                        plain(named, XmlNames.shown(key), value);
                    }
                } else if (!name.equals("name") || isNamedByExpression(element)) {
                    noExpression(named, key, value);
                }
            }
        }

        private void camundaAttribute(Element named, String key, String name, String value) {
            if (name.equals("class") || name.endsWith("Class")) {
                refusals.add(Refusal.of(named, "deployment.refused.class", XmlNames.shown(key), delegateList()));
            } else if (name.equals("expression")) {
                refusals.add(Refusal.of(named, "deployment.refused.camundaExpression"));
            } else if (name.equals("delegateExpression")) {
                Matcher delegate = DELEGATE.matcher(value.strip());
                if (!delegate.matches() || !delegates.names().contains(delegate.group(1))) {
                    refusals.add(Refusal.of(named, "deployment.refused.delegate", value, delegateList()));
                }
            } else if (name.equals("resource")) {
                refusals.add(Refusal.of(named, "deployment.refused.resource"));
            } else if (name.equals("scriptFormat")) {
                refusals.add(Refusal.of(named, "deployment.refused.script"));
            } else if (name.equals("formRef")) {
                refusals.add(Refusal.of(named, "deployment.refused.formRef"));
            } else if (name.equals("formKey")) {
                if (!FORM_KEY.matcher(value).matches()) {
                    refusals.add(Refusal.of(named, "deployment.refused.formKey", value));
                }
            } else if (name.equals("type")) {
                if (!value.equals("external")) {
                    refusals.add(Refusal.of(named, "deployment.refused.taskType", value));
                }
            } else if (PLAIN_EXPRESSION_ATTRIBUTES.contains(name)) {
                plain(named, XmlNames.shown(key), value);
            } else {
                noExpression(named, key, value);
            }
        }

        private void text(Element element, Element named, boolean plainExpressions) {
            String text = element.getText();
            if (!JuelExpressions.holdsExpression(text) || PROSE.contains(element.getTagName())) {
                return;
            }
            if (plainExpressions) {
                plain(named, XmlNames.shown(element), text.strip());
            } else {
                refusals.add(Refusal.of(named, "deployment.refused.expressionHere", text.strip(),
                        XmlNames.shown(element)));
            }
        }

        private void plain(Element named, String where, String value) {
            expressions.check(value).ifPresent(unsafe -> refusals.add(Refusal.of(named, "deployment.refused.expression",
                    value, where, unsafe.reason())));
        }

        private void noExpression(Element named, String key, String value) {
            if (JuelExpressions.holdsExpression(value)) {
                refusals.add(Refusal.of(named, "deployment.refused.expressionHere", value, XmlNames.shown(key)));
            }
        }

        private String delegateList() {
            return String.join(", ", delegates.names());
        }
    }

    /** Messages and signals may be named by an expression; other elements' names are only labels. */
    private static boolean isNamedByExpression(Element element) {
        return element.getTagName().equals("message") || element.getTagName().equals("signal");
    }

    private static boolean isEventDefinition(Element element) {
        return XmlNames.BPMN.equals(element.getUri())
                && (element.getTagName().endsWith("EventDefinition") || element.getTagName().equals("eventDefinitionRef"));
    }

    private static Set<String> elementVariables(Element root) {
        Set<String> names = new HashSet<>();
        collectElementVariables(root, names);
        return names;
    }

    private static void collectElementVariables(Element element, Set<String> names) {
        for (String key : element.attributes()) {
            if (XmlNames.CAMUNDA_BPMN.contains(XmlNames.namespaceOf(key))
                    && XmlNames.localNameOf(key).equals("elementVariable")) {
                names.add(element.attribute(key));
            }
        }
        element.elements().forEach(child -> collectElementVariables(child, names));
    }
}
