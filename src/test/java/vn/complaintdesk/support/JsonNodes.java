package vn.complaintdesk.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers for JSON bodies in API tests. */
public final class JsonNodes {

    private JsonNodes() {
    }

    /** The names of an object's fields, in order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each item of an array as text. */
    public static List<String> values(JsonNode array) {
        return values(array, null);
    }

    /** A field of each item of an array as text, or each item itself when field is null. */
    public static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(field == null ? item.asText() : item.get(field).asText()));
        return values;
    }
}
