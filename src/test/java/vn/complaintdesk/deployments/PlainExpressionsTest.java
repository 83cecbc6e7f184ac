package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which expressions and decision table texts count as plain (no way to code), and why the others do not. */
class PlainExpressionsTest {

    private static final Set<String> BEANS = Set.of("systemEnvironment", "departmentGroup");

    private final JuelExpressions juel = new JuelExpressions(BEANS::contains);
    private final FeelTexts feel = new FeelTexts(BEANS::contains);

    @ParameterizedTest
    @ValueSource(strings = {"cs-agents", "${approverGroup}", "${outcome == 'RESOLVE_NOW'}", "${!accepts && round == 2}",
            "${rating <= 3}", "${daysSinceIncident > limitationDays}", "${replyKind == 'ACCEPT' || replyKind == 'REJECT'}",
            "${not empty note and amount ge -1.5}", "dept-${department}", "${name == '}'}", "#{accepts}"})
    void comparisonsOfVariablesAndLiteralsArePlain(String expression) {
        assertThat(juel.check(expression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${departmentGroup.of(department)}|BEAN",
            "${complaint.customer}|PROPERTY_ACCESS",
            "${''.getClass().forName('java.lang.Runtime')}|PROPERTY_ACCESS",
            "${'}'.concat('x')}|PROPERTY_ACCESS",
            "${x[0]}|PROPERTY_ACCESS",
            "${fn:join(a, b)}|CALL",
            "${currentUser()}|CALL",
            "${systemEnvironment}|BEAN",
            "${execution}|BEAN",
            "${task == null}|BEAN",
            "${a ? b : c}|OPERATOR",
            "${a + 1 > 2}|OPERATOR",
            "${a = 1}|OPERATOR",
            "${}|OPERATOR",
            "${a == 'open}|UNCLOSED",
            "${accepts|UNCLOSED"})
    void callsPropertiesBeansAndOtherOperatorsAreNot(String expression, Unsafe why) {
        assertThat(juel.check(expression)).isEqualTo(Optional.of(why));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "\"EXPLANATION\",\"SERVICE_FIX\"", "<= 3", "[1..10]", "]0..1000000]", "not(\"NONE\")",
            "true", "30", "amount", "> 2.5", "date(\"2026-01-01\")", "date and time(\"2026-01-01T00:00:00\")",
            "\"a.b(c)\"", "amount * 2"})
    void feelLiteralsNamesAndUnaryTestsArePlain(String text) {
        assertThat(feel.check(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}|OPERATOR",
            "limits.director|PROPERTY_ACCESS",
            "string length(x) > 3|CALL",
            "for i in 1..100000000 return i|OPERATOR",
            "{a: 1}|OPERATOR",
            "systemEnvironment|BEAN",
            "\"open|UNCLOSED"})
    void feelCallsContextsLoopsAndPropertyAccessAreNot(String text, Unsafe why) {
        assertThat(feel.check(text)).isEqualTo(Optional.of(why));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"amount|", "amount > 100|", "amount.toString()|PROPERTY_ACCESS"})
    void juelDecisionTextsAreCheckedAsTheBodyCamundaWraps(String text, Unsafe why) {
        assertThat(juel.checkBody(text)).isEqualTo(Optional.ofNullable(why));
    }
}
