package vn.complaintdesk.deployments;

import java.io.ByteArrayInputStream;

import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;

/**
 * Reads a deployed BPMN or DMN file with the engine's own XML reader (no external entities, namespaces as
 * the engine sees them), without building anything from it.
 */
final class ModelXml extends Parser {

    private static final ModelXml READER = new ModelXml();

    static Element read(String resourceName, byte[] content) {
        return READER.createParse().name(resourceName).sourceInputStream(new ByteArrayInputStream(content))
                .execute().getRootElement();
    }

    /** A parser of its own: the engine's is shared per thread and namespace-aware only after a BPMN parse. */
    @Override
    protected SAXParser getSaxParser() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        setXxeProcessing(factory);
        return factory.newSAXParser();
    }

    @Override
    public Parse createParse() {
        return new Parse(this) {
        };
    }
}
