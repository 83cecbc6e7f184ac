package vn.complaintdesk.deployments;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import vn.complaintdesk.tasks.TaskRulesRegistry;
import vn.complaintdesk.workflow.ProcessNames;
import vn.complaintdesk.workflow.RoutingFacts;

/** What a diagram may name that the desk knows: its task keys and their forms, and the variables it sets. */
@Component
public class DeskVocabulary {

    private static final Set<String> DESK_VARIABLES = deskVariables();

    private final TaskRulesRegistry tasks;
    private final ResourceLoader resources;

    public DeskVocabulary(@Lazy TaskRulesRegistry tasks, ResourceLoader resources) {
        this.tasks = tasks;
        this.resources = resources;
    }

    public Set<String> taskKeys() {
        return tasks.taskKeys();
    }

    /** Whether {@code forms/<TaskKey>.html} ships with the desk. */
    public boolean hasForm(String taskKey) {
        return taskKey.matches("[A-Za-z][A-Za-z0-9]*") && resources.getResource("classpath:forms/" + taskKey + ".html").exists();
    }

    /** The routing facts and every variable the desk's delegates and task rules set ({@link ProcessNames.Variable}). */
    public Set<String> variables() {
        return DESK_VARIABLES;
    }

    private static Set<String> deskVariables() {
        Set<String> names = new TreeSet<>(RoutingFacts.NAMES);
        for (Field field : ProcessNames.Variable.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException unreachable) {
                    throw new IllegalStateException(unreachable);
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
