package vn.complaintdesk.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.complaintdesk.web.FieldProblem;

/** Finds the field rules of a task key and runs them. */
@Component
public class TaskRulesRegistry {

    private final Map<String, TaskFieldRules> byTaskKey;
    private final MessageSource messages;

    public TaskRulesRegistry(List<TaskFieldRules> rules, MessageSource messages) {
        this.byTaskKey = rules.stream().collect(Collectors.toMap(TaskFieldRules::taskKey, Function.identity()));
        this.messages = messages;
    }

    /** The task keys the desk has rules and a form for: the only user tasks a diagram may hold. */
    public Set<String> taskKeys() {
        return new TreeSet<>(byTaskKey.keySet());
    }

    public Optional<TaskFieldRules> forTask(String taskKey) {
        return Optional.ofNullable(byTaskKey.get(taskKey));
    }

    public List<FieldProblem> check(String taskKey, Map<String, Object> fields, Locale locale) {
        return forTask(taskKey)
                .map(rules -> {
                    TaskFieldChecks checks = new TaskFieldChecks(fields, messages, locale);
                    checks.controlCharacters();
                    return rules.check(fields, checks);
                })
                .orElse(List.of());
    }

    /** A problem for each submitted name that is not a field of the task: nothing else may ride along. */
    public List<FieldProblem> unknownFields(String taskKey, Map<String, Object> submitted, Locale locale) {
        Set<String> own = forTask(taskKey).map(TaskFieldRules::fieldNames).orElse(Set.of());
        return submitted.keySet().stream().filter(name -> !own.contains(name)).sorted()
                .map(name -> new FieldProblem(name, messages.getMessage("validation.notAField", null, locale)))
                .toList();
    }

    /** Only the task's own fields, so a client cannot set other process variables through it. */
    public Map<String, Object> ownFields(String taskKey, Map<String, Object> submitted) {
        Map<String, Object> own = new HashMap<>();
        forTask(taskKey).ifPresent(rules -> rules.fieldNames().forEach(name -> {
            if (submitted.containsKey(name) && submitted.get(name) != null) {
                own.put(name, submitted.get(name));
            }
        }));
        return own;
    }
}
