package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * What a decision table may hold: FEEL literals, names and unary tests, or plain JUEL expressions. Other
 * expression languages (scripts) and anything that calls a function or reaches into an object are refused.
 */
final class DmnRules {

    /** Elements whose {@code <text>} the DMN engine evaluates. */
    private static final Set<String> EVALUATED = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression", "inputValues", "outputValues", "defaultOutputEntry");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String JUEL = "juel";
    private static final Namespace CAMUNDA = new Namespace(XmlNames.CAMUNDA_DMN);

    private final FeelTexts feel;
    private final JuelExpressions juel;

    DmnRules(DeskDelegates delegates) {
        this.feel = new FeelTexts(delegates::isBean);
        this.juel = new JuelExpressions(delegates::isBean);
    }

    List<Refusal> check(Element definitions) {
        List<Refusal> refusals = new ArrayList<>();
        visit(definitions, definitions, "feel", refusals);
        return refusals;
    }

    private void visit(Element element, Element owner, String language, List<Refusal> refusals) {
        if (element.getTagName().equals("DMNDI") || element.getUri().contains("DMNDI")) {
            return; // diagram layout
        }
        Element named = element.attribute("id") != null ? element : owner;
        String declared = element.attribute("expressionLanguage");
        if (declared != null) {
            if (!isAllowedLanguage(declared)) {
                refusals.add(Refusal.of(named, "deployment.refused.expressionLanguage", declared));
                return;
            }
            language = declared.toLowerCase(Locale.ROOT).equals(JUEL) ? JUEL : "feel";
        }
        String inputVariable = element.attributeNS(CAMUNDA, "inputVariable");
        if (inputVariable != null && !NAME.matcher(inputVariable).matches()) {
            refusals.add(Refusal.of(named, "deployment.refused.inputVariable", inputVariable));
        }
        if (EVALUATED.contains(element.getTagName())) {
            Element text = element.element("text");
            if (text != null) {
                evaluated(named, element.getTagName(), text.getText().strip(), language).ifPresent(refusals::add);
            }
        }
        for (Element child : element.elements()) {
            visit(child, named, language, refusals);
        }
    }

    private Optional<Refusal> evaluated(Element named, String where, String text, String language) {
        Optional<Unsafe> unsafe;
        if (language.equals(JUEL)) {
            // Camunda wraps a JUEL text without delimiters in ${...} before evaluating it.
            unsafe = JuelExpressions.holdsExpression(text) ? juel.check(text) : juel.checkBody(text);
        } else {
            unsafe = feel.check(text);
        }
        return unsafe.map(reason -> Refusal.of(named, "deployment.refused.decisionText", text, where, reason.reason()));
    }

    private static boolean isAllowedLanguage(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.equals("feel") || lower.equals(JUEL) || lower.contains("/feel");
    }
}
