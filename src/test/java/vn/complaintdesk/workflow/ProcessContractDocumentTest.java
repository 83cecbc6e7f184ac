package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/process-contract.md names exactly what processes/ holds: every process key, user task
 * (with its candidate group), message, timer and decision id of its tables exists in the deployed
 * BPMN and DMN files, and every one there is named in the document.
 */
class ProcessContractDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "process-contract.md");
    private static final Path PROCESSES = Path.of("processes");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyProcessKeyIsDocumentedAndExists() throws Exception {
        assertThat(documented("process key")).containsExactlyInAnyOrderElementsOf(bpmnIds("process"));
    }

    @Test
    void everyUserTaskIsDocumentedAndExists() throws Exception {
        assertThat(documented("task key")).containsExactlyInAnyOrderElementsOf(bpmnIds("userTask"));
    }

    @Test
    void everyFixedCandidateGroupIsTheOneDocumented() throws Exception {
        Map<String, String> groupColumn = column("task key", 2);
        for (Element task : bpmnElements("userTask")) {
            String groups = task.getAttributeNS(CAMUNDA, "candidateGroups");
            if (!groups.contains("${")) {
                assertThat(groupColumn.get(task.getAttribute("id"))).as(task.getAttribute("id")).startsWith(groups);
            }
        }
    }

    @Test
    void everyMessageIsDocumentedAndExists() throws Exception {
        Set<String> messages = new TreeSet<>();
        bpmnElements("message").forEach(message -> messages.add(message.getAttribute("name")));
        assertThat(documented("message")).containsExactlyInAnyOrderElementsOf(messages);
    }

    @Test
    void everyTimerIsDocumentedAndExists() throws Exception {
        Set<String> timers = new TreeSet<>();
        for (String kind : List.of("boundaryEvent", "intermediateCatchEvent", "startEvent")) {
            for (Element event : bpmnElements(kind)) {
                if (event.getElementsByTagNameNS(BPMN, "timerEventDefinition").getLength() > 0) {
                    timers.add(event.getAttribute("id"));
                }
            }
        }
        assertThat(documented("timer id")).containsExactlyInAnyOrderElementsOf(timers);
    }

    @Test
    void everyDecisionIsDocumentedAndExistsWithItsInputsAndOutputs() throws Exception {
        Map<String, String> inputs = column("decision id", 1);
        Map<String, String> outputs = column("decision id", 2);
        Set<String> decisions = new TreeSet<>();
        for (Path file : files(".dmn")) {
            Document dmn = parse(file);
            NodeList found = dmn.getElementsByTagNameNS("*", "decision");
            for (int i = 0; i < found.getLength(); i++) {
                Element decision = (Element) found.item(i);
                String id = decision.getAttribute("id");
                decisions.add(id);
                NodeList expressions = decision.getElementsByTagNameNS("*", "inputExpression");
                for (int j = 0; j < expressions.getLength(); j++) {
                    String variable = expressions.item(j).getTextContent().strip();
                    assertThat(codes(inputs.getOrDefault(id, ""))).as("inputs of " + id).contains(variable);
                }
                NodeList outs = decision.getElementsByTagNameNS("*", "output");
                for (int j = 0; j < outs.getLength(); j++) {
                    String name = ((Element) outs.item(j)).getAttribute("name");
                    assertThat(codes(outputs.getOrDefault(id, ""))).as("outputs of " + id).contains(name);
                }
            }
        }
        assertThat(documented("decision id")).containsExactlyInAnyOrderElementsOf(decisions);
    }

    @Test
    void everyDecisionTheDiagramsCallIsDocumented() throws Exception {
        Set<String> called = new TreeSet<>();
        bpmnElements("businessRuleTask").forEach(task -> called.add(task.getAttributeNS(CAMUNDA, "decisionRef")));
        assertThat(documented("decision id")).containsAll(called);
    }

    /** The names in backticks in the first column of the table whose first header is {@code header}. */
    private static Set<String> documented(String header) throws IOException {
        Set<String> names = new TreeSet<>();
        column(header, 0).keySet().forEach(names::add);
        assertThat(names).as("table '%s' in %s", header, DOCUMENT).isNotEmpty();
        return names;
    }

    /** First-column name → the text of column {@code index}, for the table headed by {@code header}. */
    private static Map<String, String> column(String header, int index) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable && cells.get(0).equals(header)) {
                inTable = true;
                continue;
            }
            if (inTable && !cells.get(0).startsWith("---")) {
                Matcher name = CODE.matcher(cells.get(0));
                if (name.find()) {
                    rows.put(name.group(1), index < cells.size() ? cells.get(index) : "");
                }
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1).split("(?<!\\\\)\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private static Set<String> bpmnIds(String element) throws Exception {
        Set<String> ids = new TreeSet<>();
        bpmnElements(element).forEach(found -> ids.add(found.getAttribute("id")));
        return ids;
    }

    private static List<Element> bpmnElements(String element) throws Exception {
        List<Element> elements = new ArrayList<>();
        for (Path file : files(".bpmn")) {
            NodeList found = parse(file).getElementsByTagNameNS(BPMN, element);
            for (int i = 0; i < found.getLength(); i++) {
                elements.add((Element) found.item(i));
            }
        }
        return elements;
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
