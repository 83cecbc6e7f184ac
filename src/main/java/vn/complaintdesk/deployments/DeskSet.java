package vn.complaintdesk.deployments;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for every way in: the desk's diagrams and decision tables are deployed as one complete set.
 * A deployment that holds some of the set's files (by file name or by process or decision key) is completed
 * with the newest versions of the others, so a decision table deployed alone is bound to a diagram of its own
 * deployment and takes effect for new complaints.
 */
final class DeskSet {

    private DeskSet() {
    }

    /**
     * The files of the newest set that the incoming deployment neither replaces nor is unrelated to: what to add.
     * Nothing for a deployment that shares no file and no key with the set (another process altogether).
     */
    static Map<String, byte[]> missingFrom(Map<String, byte[]> incoming, Map<String, byte[]> newest) {
        Set<String> incomingNames = new HashSet<>();
        Set<String> incomingKeys = new HashSet<>();
        incoming.forEach((name, content) -> {
            if (ModelFiles.isModel(name)) {
                incomingNames.add(ModelFiles.fileName(name));
                incomingKeys.addAll(ModelFiles.definitionKeys(name, content));
            }
        });
        Map<String, byte[]> missing = new LinkedHashMap<>();
        boolean related = false;
        for (Map.Entry<String, byte[]> file : newest.entrySet()) {
            if (!ModelFiles.isModel(file.getKey())) {
                continue;
            }
            boolean replaced = incomingNames.contains(ModelFiles.fileName(file.getKey()))
                    || ModelFiles.definitionKeys(file.getKey(), file.getValue()).stream().anyMatch(incomingKeys::contains);
            if (replaced) {
                related = true;
            } else {
                missing.put(file.getKey(), file.getValue());
            }
        }
        return related ? missing : Map.of();
    }

    /** Whether two sets hold the same files with the same content, whatever folder their names carry. */
    static boolean sameContent(Map<String, byte[]> one, Map<String, byte[]> other) {
        Map<String, byte[]> a = ModelFiles.byFileName(one);
        Map<String, byte[]> b = ModelFiles.byFileName(other);
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}
