package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * The desk check: what a complete set must hold so that no complaint meets an incident on it. Every user task
 * is one of the desk's tasks with its form, every service task calls a delegate, every timer, condition and
 * multi-instance collection reads variables the desk sets, and every business-rule task finds its decision
 * table in the same deployment, with inputs the desk sets and the outputs the desk reads.
 */
final class FitnessRules {

    private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
    private static final Set<String> TIMER_TEXTS = Set.of("timeDate", "timeDuration", "timeCycle");
    private static final Set<String> READING_ATTRIBUTES = Set.of("collection", "candidateGroups", "candidateUsers",
            "assignee", "dueDate", "followUpDate");
    private static final Set<String> SINGLE_HIT_POLICIES = Set.of("UNIQUE", "FIRST", "ANY", "PRIORITY");
    private static final String FORM_PREFIX = "/forms/";

    private final DeskVocabulary vocabulary;
    private final DeskDelegates delegates;

    FitnessRules(DeskVocabulary vocabulary, DeskDelegates delegates) {
        this.vocabulary = vocabulary;
        this.delegates = delegates;
    }

    /** The problems of each file of a complete set, by resource name; {@code newest} is the set in use. */
    Map<String, List<Refusal>> check(Map<String, Element> set, Map<String, Element> newest) {
        Map<String, Decision> decisions = decisions(set);
        Map<String, Decision> inUse = decisions(newest);
        Set<String> setVariables = new TreeSet<>(vocabulary.variables());
        set.forEach((name, root) -> {
            if (ModelFiles.isBpmn(name)) {
                setVariables.addAll(localVariables(root));
            }
        });
        Map<String, List<Refusal>> refusals = new LinkedHashMap<>();
        set.forEach((name, root) -> {
            List<Refusal> found = new ArrayList<>();
            if (ModelFiles.isBpmn(name)) {
                Set<String> known = new TreeSet<>(vocabulary.variables());
                known.addAll(localVariables(root));
                walkDiagram(root, root, known, decisions, found);
            } else if (ModelFiles.isDmn(name)) {
                decisions.values().stream().filter(d -> d.resourceName.equals(name))
                        .forEach(d -> checkDecision(d, inUse.get(d.key), setVariables, found));
            }
            if (!found.isEmpty()) {
                refusals.put(name, found);
            }
        });
        return refusals;
    }

    private void walkDiagram(Element element, Element owner, Set<String> known, Map<String, Decision> decisions,
            List<Refusal> found) {
        if (!XmlNames.BPMN.equals(element.getUri()) && !XmlNames.CAMUNDA_BPMN.contains(element.getUri())) {
            return;
        }
        Element named = element.attribute("id") != null ? element : owner;
        boolean bpmn = XmlNames.BPMN.equals(element.getUri());
        String tag = element.getTagName();
        if (bpmn && tag.equals("userTask")) {
            userTask(element, found);
        }
        if (bpmn && (tag.equals("serviceTask") || tag.equals("sendTask"))) {
            serviceTask(element, found);
        }
        if (bpmn && tag.equals("businessRuleTask")) {
            businessRuleTask(element, decisions, found);
        }
        if (bpmn && (TIMER_TEXTS.contains(tag) || tag.equals("conditionExpression") || tag.equals("condition")
                || tag.equals("loopCardinality") || tag.equals("completionCondition"))) {
            reads(named, XmlNames.shown(element), VariableNames.inExpressions(element.getText()), known, found);
        }
        for (String key : element.attributes()) {
            if (XmlNames.CAMUNDA_BPMN.contains(XmlNames.namespaceOf(key))
                    && READING_ATTRIBUTES.contains(XmlNames.localNameOf(key))) {
                reads(named, XmlNames.shown(key), VariableNames.inExpressions(element.attribute(key)), known, found);
            }
        }
        for (Element child : element.elements()) {
            walkDiagram(child, named, known, decisions, found);
        }
    }

    private void userTask(Element task, List<Refusal> found) {
        String key = task.attribute("id");
        String formKey = task.attributeNS(CAMUNDA, "formKey");
        if (!vocabulary.taskKeys().contains(key)) {
            found.add(Refusal.of(task, "deployment.unfit.taskKey", key, String.join(", ", vocabulary.taskKeys())));
            return;
        }
        if (formKey == null || formKey.isBlank()) {
            found.add(Refusal.of(task, "deployment.unfit.noForm", key));
        } else if (!formKey.equals(FORM_PREFIX + key)) {
            found.add(Refusal.of(task, "deployment.unfit.formKey", formKey, key));
        } else if (!vocabulary.hasForm(key)) {
            found.add(Refusal.of(task, "deployment.unfit.formMissing", key));
        }
    }

    private void serviceTask(Element task, List<Refusal> found) {
        if (task.attributeNS(CAMUNDA, "delegateExpression") == null && task.attributeNS(CAMUNDA, "type") == null) {
            found.add(Refusal.of(task, "deployment.unfit.noDelegate", String.join(", ", delegates.names())));
        }
    }

    private void businessRuleTask(Element task, Map<String, Decision> decisions, List<Refusal> found) {
        String key = task.attributeNS(CAMUNDA, "decisionRef");
        if (key == null || key.isBlank()) {
            found.add(Refusal.of(task, "deployment.unfit.noDecision"));
            return;
        }
        Decision decision = decisions.get(key);
        if (decision == null) {
            found.add(Refusal.of(task, "deployment.unfit.decisionMissing", key, String.join(", ", new TreeSet<>(decisions.keySet()))));
            return;
        }
        if (!"deployment".equals(task.attributeNS(CAMUNDA, "decisionRefBinding"))) {
            found.add(Refusal.of(task, "deployment.unfit.decisionBinding", key));
        }
        if (task.attributeNS(CAMUNDA, "resultVariable") == null) {
            found.add(Refusal.of(task, "deployment.unfit.noResultVariable", key));
        }
        String mapping = task.attributeNS(CAMUNDA, "mapDecisionResult", "resultList");
        if (mapping.equals("singleEntry") && decision.outputs.size() != 1) {
            found.add(Refusal.of(task, "deployment.unfit.singleEntry", key, decision.outputs.size()));
        }
        if ((mapping.equals("singleEntry") || mapping.equals("singleResult")) && !decision.singleHit) {
            found.add(Refusal.of(task, "deployment.unfit.manyResults", key, mapping));
        }
    }

    private static void checkDecision(Decision decision, Decision inUse, Set<String> known, List<Refusal> found) {
        for (Map.Entry<Element, String> input : decision.inputs.entrySet()) {
            for (String variable : VariableNames.inText(input.getValue())) {
                if (!known.contains(variable)) {
                    found.add(Refusal.of(input.getKey(), "deployment.unfit.decisionInput", variable, String.join(", ", known)));
                }
            }
        }
        decision.unnamedOutputs.forEach(output -> found.add(Refusal.of(output, "deployment.unfit.outputName")));
        if (inUse != null) {
            for (String output : inUse.outputs) {
                if (!decision.outputs.contains(output)) {
                    found.add(Refusal.of(decision.element, "deployment.unfit.outputMissing", output, decision.key));
                }
            }
        }
    }

    private static void reads(Element named, String where, Set<String> variables, Set<String> known, List<Refusal> found) {
        for (String variable : variables) {
            if (!known.contains(variable)) {
                found.add(Refusal.of(named, "deployment.unfit.variable", variable, where, String.join(", ", known)));
            }
        }
    }

    /** Variables a diagram gives itself: decision results, element variables, input/output and call mappings. */
    private static Set<String> localVariables(Element root) {
        Set<String> names = new TreeSet<>();
        collectLocal(root, names);
        return names;
    }

    private static void collectLocal(Element element, Set<String> names) {
        addIfPresent(names, element.attributeNS(CAMUNDA, "resultVariable"));
        addIfPresent(names, element.attributeNS(CAMUNDA, "elementVariable"));
        boolean camunda = XmlNames.CAMUNDA_BPMN.contains(element.getUri());
        if (camunda && (element.getTagName().equals("inputParameter") || element.getTagName().equals("outputParameter"))) {
            addIfPresent(names, element.attribute("name"));
        }
        if (camunda && (element.getTagName().equals("in") || element.getTagName().equals("out"))) {
            addIfPresent(names, element.attribute("target"));
        }
        element.elements().forEach(child -> collectLocal(child, names));
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }

    private static Map<String, Decision> decisions(Map<String, Element> set) {
        Map<String, Decision> decisions = new HashMap<>();
        set.forEach((name, root) -> {
            if (ModelFiles.isDmn(name)) {
                for (Element decision : root.elements("decision")) {
                    Element table = decision.element("decisionTable");
                    if (table != null && decision.attribute("id") != null) {
                        decisions.put(decision.attribute("id"), new Decision(name, decision, table));
                    }
                }
            }
        });
        return decisions;
    }

    /** One decision table: its inputs' expressions and its outputs' names. */
    private static final class Decision {
        final String resourceName;
        final String key;
        final Element element;
        final Map<Element, String> inputs = new LinkedHashMap<>();
        final Set<String> outputs = new TreeSet<>();
        final List<Element> unnamedOutputs = new ArrayList<>();
        final boolean singleHit;

        Decision(String resourceName, Element decision, Element table) {
            this.resourceName = resourceName;
            this.key = decision.attribute("id");
            this.element = decision;
            for (Element input : table.elements("input")) {
                Element expression = input.element("inputExpression");
                Element text = expression == null ? null : expression.element("text");
                if (text != null) {
                    inputs.put(input, text.getText().strip());
                }
            }
            List<Element> outputElements = table.elements("output");
            for (Element output : outputElements) {
                String name = output.attribute("name");
                if (name == null || name.isBlank()) {
                    if (outputElements.size() > 1) {
                        unnamedOutputs.add(output);
                    }
                } else {
                    outputs.add(name);
                }
            }
            String hitPolicy = table.attribute("hitPolicy", "UNIQUE").toUpperCase(java.util.Locale.ROOT);
            this.singleHit = SINGLE_HIT_POLICIES.contains(hitPolicy)
                    || (hitPolicy.equals("COLLECT") && table.attribute("aggregation") != null);
        }
    }
}
