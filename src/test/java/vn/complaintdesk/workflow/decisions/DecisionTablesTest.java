package vn.complaintdesk.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three decision tables in processes/, evaluated with the plain Camunda DMN engine (no process engine,
 * no Spring). Maven runs tests from the project root, so the files are read from "processes/&lt;key&gt;.dmn".
 */
class DecisionTablesTest {

    static final List<String> CATEGORIES = List.of("PAYMENT_DELAY", "TECHNICAL_ERROR", "PROMOTION_TERMS",
            "SERVICE_QUALITY", "BILLING", "DELIVERY", "STAFF_CONDUCT", "OTHER");
    static final List<String> CHANNELS = List.of("WEB_FORM", "LIVE_CHAT", "HOTLINE", "EMAIL", "MOBILE_APP",
            "SOCIAL", "IN_PERSON", "POST");
    static final List<String> TIERS = List.of("STANDARD", "AGENCY_1", "AGENCY_2", "AGENCY_3", "AGENCY_4", "LOYAL",
            "HIGH_POTENTIAL", "SMALL_VALUE", "NEGATIVE");
    static final List<String> DECISION_KEYS = List.of("complaint-triage", "approval-authority", "limitation-period");

    /** Records the rules that matched in the last evaluation, so tests can show which row decided. */
    static final class MatchedRules implements DmnDecisionTableEvaluationListener {
        final List<String> last = new ArrayList<>();

        @Override
        public void notify(DmnDecisionTableEvaluationEvent event) {
            last.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(last::add);
        }

        /** With hit policy FIRST the result comes from the first matching rule. */
        String deciding() {
            return last.isEmpty() ? null : last.get(0);
        }
    }

    static final MatchedRules MATCHED = new MatchedRules();
    static DmnEngine engine;
    static final Map<String, DmnDecision> DECISIONS = new HashMap<>();

    @BeforeAll
    static void parseTables() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(MATCHED))
                .buildEngine();
        for (String key : DECISION_KEYS) {
            try (InputStream in = open(key)) {
                DECISIONS.put(key, engine.parseDecision(key, in));
            }
        }
    }

    static InputStream open(String key) throws IOException {
        return new FileInputStream(Path.of("processes", key + ".dmn").toFile());
    }

    static DmnModelInstance model(String key) throws IOException {
        try (InputStream in = open(key)) {
            return Dmn.readModelFromStream(in);
        }
    }

    static List<String> ruleIds(String key) throws IOException {
        return model(key).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }

    /** Evaluates a table and returns the outputs of the one row that decided, as a plain map. */
    static Map<String, Object> evaluate(String key, VariableMap variables) {
        DmnDecisionResult result = engine.evaluateDecision(DECISIONS.get(key), variables);
        assertThat(result).as("%s gives exactly one result (hit policy FIRST)", key).hasSize(1);
        return new HashMap<>(result.getSingleResult().getEntryMap());
    }

    // ------------------------------------------------------------------------------------------------------------
    // All three tables

    @Nested
    class EveryTable {

        @ParameterizedTest
        @ValueSource(strings = {"complaint-triage", "approval-authority", "limitation-period"})
        void isFirstHitWithHistoryTimeToLiveAndTheKeyAsDecisionId(String key) throws IOException {
            DmnModelInstance model = model(key);
            Decision decision = model.getModelElementById(key);
            assertThat(decision).as("decision with id = key").isNotNull();
            assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
            DecisionTable table = (DecisionTable) decision.getExpression();
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
            assertThat(DECISIONS.get(key).getKey()).isEqualTo(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"complaint-triage", "approval-authority", "limitation-period"})
        void labelsEveryInputAndTypesItsExpression(String key) throws IOException {
            for (Input input : model(key).getModelElementsByType(Input.class)) {
                assertThat(input.getLabel()).as("label of %s", input.getId()).isNotBlank();
                assertThat(input.getInputExpression().getTypeRef()).as("typeRef of %s", input.getId())
                        .isIn("string", "integer", "long", "boolean");
                assertThat(input.getInputExpression().getText().getTextContent()).isNotBlank();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"complaint-triage", "approval-authority", "limitation-period"})
        void explainsEveryRuleAndEndsWithACatchAllRow(String key) throws IOException {
            List<Rule> rules = new ArrayList<>(model(key).getModelElementsByType(Rule.class));
            assertThat(rules).hasSizeGreaterThanOrEqualTo(2);
            for (Rule rule : rules) {
                assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
            }
            Rule last = rules.get(rules.size() - 1);
            assertThat(last.getInputEntries()).extracting(InputEntry::getText).extracting(Text::getTextContent)
                    .as("every input of the last row is '-' (any)")
                    .allSatisfy(text -> assertThat(text.trim()).isIn("-", ""));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // complaint-triage

    @Nested
    class ComplaintTriage {

        Map<String, Object> triage(String category, String channel, String tier) {
            return evaluate("complaint-triage", Variables.createVariables()
                    .putValue("category", category)
                    .putValue("channel", channel)
                    .putValue("customerTier", tier));
        }

        /** Outputs and deciding row of every category x channel x tier, evaluated once for the grid-wide checks. */
        record Triaged(Map<String, Object> outputs, String rule) {
        }

        static Map<List<String>, Triaged> grid;

        Map<List<String>, Triaged> grid() {
            if (grid == null) {
                Map<List<String>, Triaged> all = new HashMap<>();
                for (String category : CATEGORIES) {
                    for (String channel : CHANNELS) {
                        for (String tier : TIERS) {
                            all.put(List.of(category, channel, tier),
                                    new Triaged(triage(category, channel, tier), MATCHED.deciding()));
                        }
                    }
                }
                grid = all;
            }
            return grid;
        }

        Map<String, Object> cached(String category, String channel, String tier) {
            return grid().get(List.of(category, channel, tier)).outputs();
        }

        void assertTriage(Map<String, Object> result, String priority, String department, String rule) {
            assertThat(result)
                    .containsEntry("priority", priority)
                    .containsEntry("department", department)
                    .containsEntry("acknowledgementHours", 1)
                    .containsEntry("interimHours", 24);
            assertThat(MATCHED.deciding()).isEqualTo(rule);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AGENCY_1", "LOYAL", "HIGH_POTENTIAL"})
        void paymentDelayOfAnImportantCustomerIsUrgentForFinance(String tier) {
            assertTriage(triage("PAYMENT_DELAY", "EMAIL", tier), "URGENT", "FINANCE",
                    "Rule_PaymentDelayImportantCustomer");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HOTLINE", "LIVE_CHAT"})
        void paymentDelayReportedByHotlineOrLiveChatIsUrgent(String channel) {
            assertTriage(triage("PAYMENT_DELAY", channel, "STANDARD"), "URGENT", "FINANCE",
                    "Rule_PaymentDelayByHotlineOrChat");
        }

        @ParameterizedTest
        @ValueSource(strings = {"WEB_FORM", "EMAIL", "MOBILE_APP", "SOCIAL", "IN_PERSON", "POST"})
        void paymentDelayIsHighPriorityForFinance(String channel) {
            assertTriage(triage("PAYMENT_DELAY", channel, "STANDARD"), "HIGH", "FINANCE", "Rule_PaymentDelay");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AGENCY_1", "LOYAL", "HIGH_POTENTIAL"})
        void technicalErrorOfAnImportantCustomerIsHighForTechnical(String tier) {
            assertTriage(triage("TECHNICAL_ERROR", "WEB_FORM", tier), "HIGH", "TECHNICAL",
                    "Rule_TechnicalErrorImportantCustomer");
        }

        @ParameterizedTest
        @ValueSource(strings = {"STANDARD", "AGENCY_2", "SMALL_VALUE", "NEGATIVE"})
        void technicalErrorGoesToTheTechnicalDepartment(String tier) {
            assertTriage(triage("TECHNICAL_ERROR", "HOTLINE", tier), "NORMAL", "TECHNICAL", "Rule_TechnicalError");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AGENCY_1", "LOYAL", "HIGH_POTENTIAL"})
        void billingOfAnImportantCustomerIsHighForFinance(String tier) {
            assertTriage(triage("BILLING", "EMAIL", tier), "HIGH", "FINANCE", "Rule_BillingImportantCustomer");
        }

        @Test
        void billingGoesToFinance() {
            assertTriage(triage("BILLING", "POST", "STANDARD"), "NORMAL", "FINANCE", "Rule_Billing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PROMOTION_TERMS", "SERVICE_QUALITY", "DELIVERY", "STAFF_CONDUCT", "OTHER"})
        void operationsMattersOfAnImportantCustomerAreHigh(String category) {
            assertTriage(triage(category, "MOBILE_APP", "LOYAL"), "HIGH", "OPERATIONS",
                    "Rule_OperationsImportantCustomer");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PROMOTION_TERMS", "SERVICE_QUALITY", "DELIVERY", "STAFF_CONDUCT"})
        void promotionServiceDeliveryAndStaffConductGoToOperations(String category) {
            assertTriage(triage(category, "SOCIAL", "STANDARD"), "NORMAL", "OPERATIONS", "Rule_Operations");
        }

        @Test
        void otherMattersOfASmallValueCustomerAreLow() {
            assertTriage(triage("OTHER", "EMAIL", "SMALL_VALUE"), "LOW", "OPERATIONS",
                    "Rule_OtherSmallValueCustomer");
        }

        @ParameterizedTest
        @ValueSource(strings = {"STANDARD", "AGENCY_2", "AGENCY_3", "AGENCY_4", "NEGATIVE"})
        void otherMattersFallToTheDefaultRow(String tier) {
            assertTriage(triage("OTHER", "WEB_FORM", tier), "NORMAL", "OPERATIONS", "Rule_Default");
        }

        @Test
        void missingValuesFallToTheDefaultRow() {
            assertTriage(triage(null, null, null), "NORMAL", "OPERATIONS", "Rule_Default");
        }

        @Test
        void unknownCategoryFallsToTheDefaultRow() {
            assertTriage(triage("SOMETHING_NEW", "EMAIL", "LOYAL"), "NORMAL", "OPERATIONS", "Rule_Default");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SMALL_VALUE", "NEGATIVE"})
        void smallValueAndNegativeCustomersAreNeverFasterThanAStandardCustomer(String tier) {
            for (String category : CATEGORIES) {
                for (String channel : CHANNELS) {
                    String theirs = (String) cached(category, channel, tier).get("priority");
                    String standard = (String) cached(category, channel, "STANDARD").get("priority");
                    assertThat(rank(theirs)).as("%s %s %s", category, channel, tier)
                            .isLessThanOrEqualTo(rank(standard));
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"AGENCY_1", "LOYAL", "HIGH_POTENTIAL"})
        void importantCustomersAreNeverSlowerThanAStandardCustomer(String tier) {
            for (String category : CATEGORIES) {
                for (String channel : CHANNELS) {
                    String theirs = (String) cached(category, channel, tier).get("priority");
                    String standard = (String) cached(category, channel, "STANDARD").get("priority");
                    assertThat(rank(theirs)).as("%s %s %s", category, channel, tier)
                            .isGreaterThanOrEqualTo(rank(standard));
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"AGENCY_2", "AGENCY_3", "AGENCY_4"})
        void lowerAgencyLevelsAreTriagedLikeStandardCustomers(String tier) {
            for (String category : CATEGORIES) {
                for (String channel : CHANNELS) {
                    assertThat(cached(category, channel, tier)).as("%s %s %s", category, channel, tier)
                            .isEqualTo(cached(category, channel, "STANDARD"));
                }
            }
        }

        @Test
        void everyCombinationGetsAKnownPriorityAndDepartmentWithinOneHourAndADay() throws IOException {
            Set<String> matched = new LinkedHashSet<>();
            grid().forEach((combination, triaged) -> {
                Map<String, Object> result = triaged.outputs();
                assertThat(result.get("priority")).as("%s", combination).isIn("LOW", "NORMAL", "HIGH", "URGENT");
                assertThat(result.get("department")).as("%s", combination).isIn("TECHNICAL", "FINANCE", "OPERATIONS");
                assertThat(result.get("acknowledgementHours")).as("%s", combination).isEqualTo(1);
                assertThat((Integer) result.get("interimHours")).as("%s", combination).isBetween(1, 24);
                matched.add(triaged.rule());
            });
            assertThat(matched).as("every row of the table decides some real complaint")
                    .containsExactlyInAnyOrderElementsOf(ruleIds("complaint-triage"));
        }

        @Test
        void departmentFollowsTheCategoryWhateverTheChannelAndTier() {
            Map<String, String> expected = Map.of("PAYMENT_DELAY", "FINANCE", "BILLING", "FINANCE",
                    "TECHNICAL_ERROR", "TECHNICAL", "PROMOTION_TERMS", "OPERATIONS", "SERVICE_QUALITY", "OPERATIONS",
                    "DELIVERY", "OPERATIONS", "STAFF_CONDUCT", "OPERATIONS", "OTHER", "OPERATIONS");
            for (String category : CATEGORIES) {
                Set<Object> departments = CHANNELS.stream()
                        .flatMap(channel -> TIERS.stream().map(tier -> cached(category, channel, tier)))
                        .map(result -> result.get("department"))
                        .collect(Collectors.toSet());
                assertThat(departments).as(category).containsExactly(expected.get(category));
            }
        }

        private int rank(String priority) {
            return List.of("LOW", "NORMAL", "HIGH", "URGENT").indexOf(priority);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // approval-authority

    @Nested
    class ApprovalAuthority {

        String approver(String remedy, Long amount, int round, boolean firstContact) {
            Object group = evaluate("approval-authority", Variables.createVariables()
                    .putValue("remedy", remedy)
                    .putValue("amount", amount)
                    .putValue("round", round)
                    .putValue("firstContact", firstContact))
                    .get("approverGroup");
            return (String) group;
        }

        @ParameterizedTest
        @ValueSource(strings = {"EXPLANATION", "SERVICE_FIX"})
        void explanationAtFirstContactNeedsNoApproval(String remedy) {
            assertThat(approver(remedy, null, 1, true)).isEqualTo("NONE");
            assertThat(MATCHED.deciding()).isEqualTo("Rule_FirstContactWithoutMoney");
            assertThat(approver(remedy, 0L, 1, true)).isEqualTo("NONE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EXPLANATION", "SERVICE_FIX"})
        void explanationAfterInformationRequestOrInvestigationNeedsTheDirector(String remedy) {
            assertThat(approver(remedy, null, 1, false)).isEqualTo("cs-directors");
            assertThat(MATCHED.deciding()).isEqualTo("Rule_Default");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EXPLANATION", "SERVICE_FIX"})
        void secondRoundAlwaysNeedsTheDirector(String remedy) {
            assertThat(approver(remedy, null, 2, true)).isEqualTo("cs-directors");
            assertThat(approver(remedy, null, 2, false)).isEqualTo("cs-directors");
        }

        static Stream<Arguments> moneyRemediesAndAmounts() {
            List<Long> amounts = Arrays.asList(null, 0L, 1L, 50_000L, 10_000_000L, 5_000_000_000L);
            return Stream.of("REFUND", "COMPENSATION", "VOUCHER", "BONUS_CREDIT")
                    .flatMap(remedy -> amounts.stream()
                            .flatMap(amount -> Stream.of(
                                    Arguments.of(remedy, amount, 1, true),
                                    Arguments.of(remedy, amount, 1, false),
                                    Arguments.of(remedy, amount, 2, true),
                                    Arguments.of(remedy, amount, 2, false))));
        }

        @ParameterizedTest(name = "{0} of {1} VND, round {2}, first contact {3}")
        @MethodSource("moneyRemediesAndAmounts")
        void moneyAlwaysNeedsTheDirector(String remedy, Long amount, int round, boolean firstContact) {
            assertThat(approver(remedy, amount, round, firstContact)).isEqualTo("cs-directors");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "SOMETHING_NEW"})
        void missingOrUnknownRemedyNeedsTheDirector(String remedy) {
            assertThat(approver(remedy, null, 1, true)).isEqualTo("cs-directors");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // limitation-period

    @Nested
    class LimitationPeriod {

        Object limitationDays(String category) {
            return evaluate("limitation-period", Variables.createVariables().putValue("category", category))
                    .get("limitationDays");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PAYMENT_DELAY", "PROMOTION_TERMS", "BILLING"})
        void paymentDelayIsTimeBarredAfterThirtyDays(String category) {
            assertThat(limitationDays(category)).isEqualTo(30);
            assertThat(MATCHED.deciding()).isEqualTo("Rule_BusinessMatters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TECHNICAL_ERROR", "SERVICE_QUALITY", "DELIVERY", "STAFF_CONDUCT", "OTHER"})
        void serviceMattersMayBeRaisedForNinetyDays(String category) {
            assertThat(limitationDays(category)).isEqualTo(90);
            assertThat(MATCHED.deciding()).isEqualTo("Rule_Default");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"SOMETHING_NEW"})
        void unknownCategoryGetsTheLongerPeriod(String category) {
            assertThat(limitationDays(category)).isEqualTo(90);
        }

        @Test
        void everyContractCategoryHasAPeriod() {
            assertThat(CATEGORIES).allSatisfy(category -> assertThat(limitationDays(category)).isIn(30, 90));
        }
    }
}
