package vn.complaintdesk.deployments;

import java.util.List;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * One thing a deployment may not hold.
 *
 * @param element the nearest element with an id (what the message names)
 * @param messageKey the text in the messages bundles
 * @param arguments the message's arguments
 */
record Refusal(Element element, String messageKey, List<Object> arguments) {

    static Refusal of(Element element, String messageKey, Object... arguments) {
        return new Refusal(element, messageKey, List.of(arguments));
    }
}
