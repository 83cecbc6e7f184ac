package vn.complaintdesk.deployments;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

import vn.complaintdesk.ComplaintDeskApplication;

/** What of the application a diagram may name: the desk's own delegates, and which names are beans at all. */
@Component
public class DeskDelegates {

    private static final String DESK_PACKAGE = ComplaintDeskApplication.class.getPackageName() + ".";

    private final ListableBeanFactory beans;
    private volatile Set<String> names;

    public DeskDelegates(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The bean names of the desk's {@link JavaDelegate}s, the only ones a service task may call. */
    public Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Arrays.stream(beans.getBeanNamesForType(JavaDelegate.class, false, false))
                    .filter(this::shippedByTheDesk)
                    .collect(Collectors.toCollection(TreeSet::new));
            names = known;
        }
        return known;
    }

    /** Whether an expression naming this would reach a bean of the application instead of a process variable. */
    public boolean isBean(String name) {
        return beans.containsBean(name);
    }

    private boolean shippedByTheDesk(String beanName) {
        Class<?> type = beans.getType(beanName, false);
        return type != null && type.getName().startsWith(DESK_PACKAGE);
    }
}
