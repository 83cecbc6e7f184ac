package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a set changes against another (the one in use): the files that differ, the diagram elements added, removed
 * and renamed, and each changed decision table as a table diff of its rules.
 */
public final class SetDiff {

    public enum Change { ADDED, REMOVED, RENAMED, CHANGED, UNCHANGED }

    /** A diagram element added, removed or renamed (same id, another name). */
    public record ElementChange(Change change, String file, String id, String type, String before, String after) {
    }

    /** One rule of a decision table: its cells (input entries, then output entries) before and after. */
    public record RuleRow(Change change, String ruleId, List<String> before, List<String> after) {
    }

    /** A decision table that changed: the columns (after) and every rule. */
    public record TableDiff(String file, String decisionKey, String name, List<String> columns, List<RuleRow> rows) {
    }

    public record Diff(List<String> changedFiles, List<ElementChange> elements, List<TableDiff> tables) {
        public boolean isEmpty() {
            return changedFiles.isEmpty();
        }
    }

    private SetDiff() {
    }

    public static Diff between(Map<String, byte[]> inUse, Map<String, byte[]> proposed) {
        Map<String, byte[]> before = ModelFiles.byFileName(inUse);
        Map<String, byte[]> after = ModelFiles.byFileName(proposed);
        List<String> changedFiles = new ArrayList<>();
        List<ElementChange> elements = new ArrayList<>();
        List<TableDiff> tables = new ArrayList<>();
        for (String file : new TreeSet<>(union(before, after))) {
            byte[] old = before.get(file);
            byte[] now = after.get(file);
            if (Arrays.equals(old, now)) {
                continue;
            }
            changedFiles.add(file);
            Element oldRoot = old == null ? null : ModelFiles.readOrNull(file, old);
            Element newRoot = now == null ? null : ModelFiles.readOrNull(file, now);
            if (ModelFiles.isBpmn(file)) {
                elements.addAll(elements(file, oldRoot, newRoot));
            } else {
                tables.addAll(tables(file, oldRoot, newRoot));
            }
        }
        return new Diff(changedFiles, elements, tables);
    }

    private static List<ElementChange> elements(String file, Element before, Element after) {
        Map<String, Element> old = flowElements(before);
        Map<String, Element> now = flowElements(after);
        List<ElementChange> changes = new ArrayList<>();
        for (String id : new TreeSet<>(union(old, now))) {
            Element o = old.get(id);
            Element n = now.get(id);
            if (o == null) {
                changes.add(new ElementChange(Change.ADDED, file, id, n.getTagName(), null, n.attribute("name")));
            } else if (n == null) {
                changes.add(new ElementChange(Change.REMOVED, file, id, o.getTagName(), o.attribute("name"), null));
            } else if (!Objects.equals(o.attribute("name"), n.attribute("name"))) {
                changes.add(new ElementChange(Change.RENAMED, file, id, n.getTagName(), o.attribute("name"), n.attribute("name")));
            }
        }
        return changes;
    }

    private static Map<String, Element> flowElements(Element root) {
        Map<String, Element> found = new LinkedHashMap<>();
        if (root != null) {
            collect(root, found);
        }
        return found;
    }

    private static void collect(Element element, Map<String, Element> found) {
        for (Element child : element.elements()) {
            if (!XmlNames.BPMN.equals(child.getUri())) {
                continue;
            }
            String tag = child.getTagName();
            if (child.attribute("id") != null && !tag.equals("process") && !tag.endsWith("EventDefinition")
                    && !tag.equals("multiInstanceLoopCharacteristics")) {
                found.put(child.attribute("id"), child);
            }
            collect(child, found);
        }
    }

    private static List<TableDiff> tables(String file, Element before, Element after) {
        Map<String, Element> old = decisions(before);
        Map<String, Element> now = decisions(after);
        List<TableDiff> diffs = new ArrayList<>();
        for (String key : new TreeSet<>(union(old, now))) {
            Element table = now.containsKey(key) ? now.get(key) : old.get(key);
            Map<String, List<String>> oldRules = rules(old.get(key));
            Map<String, List<String>> newRules = rules(now.get(key));
            List<RuleRow> rows = new ArrayList<>();
            boolean changed = !columns(old.get(key)).equals(columns(now.get(key)));
            for (String rule : union(oldRules, newRules)) {
                List<String> o = oldRules.get(rule);
                List<String> n = newRules.get(rule);
                Change change = o == null ? Change.ADDED : n == null ? Change.REMOVED : o.equals(n) ? Change.UNCHANGED : Change.CHANGED;
                changed |= change != Change.UNCHANGED;
                rows.add(new RuleRow(change, rule, o == null ? List.of() : o, n == null ? List.of() : n));
            }
            if (changed) {
                Element decision = decisionOf(now.containsKey(key) ? after : before, key);
                diffs.add(new TableDiff(file, key, decision == null ? key : decision.attribute("name", key), columns(table), rows));
            }
        }
        return diffs;
    }

    private static Map<String, Element> decisions(Element root) {
        Map<String, Element> tables = new LinkedHashMap<>();
        if (root != null) {
            for (Element decision : root.elements("decision")) {
                Element table = decision.element("decisionTable");
                if (table != null) {
                    tables.put(decision.attribute("id"), table);
                }
            }
        }
        return tables;
    }

    private static Element decisionOf(Element root, String key) {
        return root.elements("decision").stream().filter(d -> key.equals(d.attribute("id"))).findFirst().orElse(null);
    }

    private static List<String> columns(Element table) {
        List<String> columns = new ArrayList<>();
        if (table != null) {
            table.elements("input").forEach(input -> columns.add(input.attribute("label", input.attribute("id"))));
            table.elements("output").forEach(output -> columns.add(output.attribute("name", output.attribute("label", output.attribute("id")))));
        }
        return columns;
    }

    private static Map<String, List<String>> rules(Element table) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        if (table != null) {
            for (Element rule : table.elements("rule")) {
                List<String> cells = new ArrayList<>();
                rule.elements("inputEntry").forEach(entry -> cells.add(textOf(entry)));
                rule.elements("outputEntry").forEach(entry -> cells.add(textOf(entry)));
                rules.put(rule.attribute("id"), cells);
            }
        }
        return rules;
    }

    private static String textOf(Element entry) {
        Element text = entry.element("text");
        return text == null ? "" : text.getText().strip();
    }

    private static <T> List<String> union(Map<String, T> one, Map<String, T> other) {
        List<String> keys = new ArrayList<>(one.keySet());
        other.keySet().stream().filter(key -> !one.containsKey(key)).forEach(keys::add);
        return keys;
    }
}
