package vn.complaintdesk.reporting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A diagram element's name in the reader's language, from the bundles by element id
 * ({@code activity.<id>}); the name written in the diagram when an analyst added a step the bundles do
 * not know yet. Pages call it as {@code ${@steps.name(id, name)}}.
 */
@Component("steps")
public class StepNames {

    private final MessageSource messages;

    public StepNames(MessageSource messages) {
        this.messages = messages;
    }

    public String name(String elementId, String diagramName) {
        return messages.getMessage("activity." + elementId, null, diagramName == null ? elementId : diagramName,
                LocaleContextHolder.getLocale());
    }
}
