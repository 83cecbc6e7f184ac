package vn.complaintdesk.deployments;

import java.util.Set;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** Namespaces and attribute keys as Camunda's XML reader gives them ({@code <namespace>:<local name>}). */
final class XmlNames {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda's extensions, under its own namespace and the older one it still reads. */
    static final Set<String> CAMUNDA_BPMN = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private XmlNames() {
    }

    static boolean isCamunda(String uri) {
        return CAMUNDA_BPMN.contains(uri) || CAMUNDA_DMN.equals(uri);
    }

    static String namespaceOf(String attributeKey) {
        int colon = attributeKey.lastIndexOf(':');
        return colon < 0 ? "" : attributeKey.substring(0, colon);
    }

    static String localNameOf(String attributeKey) {
        return attributeKey.substring(attributeKey.lastIndexOf(':') + 1);
    }

    /** How a message shows an attribute: {@code camunda:class}, {@code calledElement}. */
    static String shown(String attributeKey) {
        return (isCamunda(namespaceOf(attributeKey)) ? "camunda:" : "") + localNameOf(attributeKey);
    }

    static String shown(Element element) {
        return (isCamunda(element.getUri()) ? "camunda:" : "") + element.getTagName();
    }
}
