package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a set changes against the one in use, as the analysts' page shows it. */
class SetDiffTest {

    private final Map<String, byte[]> shipped = ProcessDeployer.read("classpath:processes/");

    @Test
    void aChangedRuleIsShownAsATableDiffWithTheOldAndNewCell() {
        Map<String, byte[]> changed = with("limitation-period.dmn", text("limitation-period.dmn")
                .replace("<text>30</text>", "<text>45</text>"));

        SetDiff.Diff diff = SetDiff.between(shipped, changed);

        assertThat(diff.changedFiles()).containsExactly("limitation-period.dmn");
        assertThat(diff.elements()).isEmpty();
        SetDiff.TableDiff table = diff.tables().get(0);
        assertThat(table.decisionKey()).isEqualTo("limitation-period");
        assertThat(table.columns()).containsExactly("Complaint category (Loại khiếu nại)", "limitationDays");
        assertThat(table.rows()).filteredOn(r -> r.change() == SetDiff.Change.CHANGED).singleElement().satisfies(row -> {
            assertThat(row.ruleId()).isEqualTo("Rule_BusinessMatters");
            assertThat(row.before()).containsExactly("\"PAYMENT_DELAY\",\"PROMOTION_TERMS\",\"BILLING\"", "30");
            assertThat(row.after()).containsExactly("\"PAYMENT_DELAY\",\"PROMOTION_TERMS\",\"BILLING\"", "45");
        });
        assertThat(table.rows()).filteredOn(r -> r.ruleId().equals("Rule_Default")).extracting(SetDiff.RuleRow::change)
                .containsExactly(SetDiff.Change.UNCHANGED);
    }

    @Test
    void diagramElementsAddedRemovedAndRenamedAreListed() {
        Map<String, byte[]> changed = with("complaint-handling.bpmn", text("complaint-handling.bpmn")
                .replace("name=\"Analyse complaint\"", "name=\"Analyse the complaint\"")
                .replace("\"Timer_InterimUpdateDue", "\"Timer_InterimUpdate"));

        List<SetDiff.ElementChange> elements = SetDiff.between(shipped, changed).elements();

        assertThat(elements).anySatisfy(e -> {
            assertThat(e.change()).isEqualTo(SetDiff.Change.RENAMED);
            assertThat(e.id()).isEqualTo("AnalyzeComplaint");
            assertThat(e.before()).isEqualTo("Analyse complaint");
            assertThat(e.after()).isEqualTo("Analyse the complaint");
        });
        assertThat(elements).extracting(SetDiff.ElementChange::change, SetDiff.ElementChange::id)
                .contains(tuple(SetDiff.Change.ADDED, "Timer_InterimUpdate"),
                        tuple(SetDiff.Change.REMOVED, "Timer_InterimUpdateDue"));
    }

    @Test
    void theSameContentUnderOtherFolderNamesIsNoChange() {
        Map<String, byte[]> fromModeler = new LinkedHashMap<>();
        shipped.forEach((name, content) -> fromModeler.put("processes/" + name, content));

        assertThat(SetDiff.between(shipped, fromModeler).isEmpty()).isTrue();
        assertThat(DeskSet.sameContent(shipped, fromModeler)).isTrue();
    }

    @Test
    void aTableDeployedAloneIsCompletedWithTheOtherFilesButAnUnrelatedDiagramIsNot() {
        Map<String, byte[]> alone = Map.of("limitation-period.dmn", shipped.get("limitation-period.dmn"));
        Map<String, byte[]> unrelated = Map.of("other.bpmn", """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
                  <process id="something-else" isExecutable="true"/></definitions>""".getBytes(StandardCharsets.UTF_8));

        assertThat(DeskSet.missingFrom(alone, shipped).keySet()).containsExactlyInAnyOrder("approval-authority.dmn",
                "complaint-handling.bpmn", "complaint-triage.dmn", "external-escalation.bpmn");
        assertThat(DeskSet.missingFrom(unrelated, shipped)).isEmpty();
    }

    private Map<String, byte[]> with(String name, String content) {
        Map<String, byte[]> files = new LinkedHashMap<>(shipped);
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private String text(String name) {
        return new String(shipped.get(name), StandardCharsets.UTF_8);
    }
}
