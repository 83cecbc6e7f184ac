package vn.complaintdesk.deployments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** What the desk needs to know of the files of a deployment: their kind, file name, keys and content hash. */
public final class ModelFiles {

    private ModelFiles() {
    }

    public static boolean isModel(String resourceName) {
        return isBpmn(resourceName) || isDmn(resourceName);
    }

    public static boolean isBpmn(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    public static boolean isDmn(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    /** The file name without folders: {@code processes/limitation-period.dmn} and Modeler's {@code limitation-period.dmn} are one file. */
    public static String fileName(String resourceName) {
        return resourceName.substring(resourceName.replace('\\', '/').lastIndexOf('/') + 1);
    }

    /** The models of a set by file name, in name order. */
    public static Map<String, byte[]> byFileName(Map<String, byte[]> resources) {
        Map<String, byte[]> files = new TreeMap<>();
        resources.forEach((name, content) -> {
            if (isModel(name)) {
                files.put(fileName(name), content);
            }
        });
        return files;
    }

    /** The process ids of a BPMN file or the decision ids of a DMN file; empty when unreadable. */
    public static Set<String> definitionKeys(String resourceName, byte[] content) {
        Set<String> keys = new LinkedHashSet<>();
        Element root = readOrNull(resourceName, content);
        if (root == null) {
            return keys;
        }
        String definition = isBpmn(resourceName) ? "process" : "decision";
        for (Element child : root.elements()) {
            if (child.getTagName().equals(definition) && child.attribute("id") != null) {
                keys.add(child.attribute("id"));
            }
        }
        return keys;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    static Element readOrNull(String resourceName, byte[] content) {
        try {
            return ModelXml.read(resourceName, content);
        } catch (ProcessEngineException unreadable) {
            return null;
        }
    }
}
