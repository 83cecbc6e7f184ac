package vn.complaintdesk.web;

/**
 * Control characters (C0, DEL, C1) have no place in what people type: a NUL breaks PostgreSQL
 * text, CR/LF forge headers and log lines. Multi-line texts (descriptions, replies, notes) keep
 * tab and line breaks; a browser sends a textarea's line breaks as CR LF, so CR counts as one.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether a one-line value (a name, a subject, an id, a file name) holds any control character. */
    public static boolean inLine(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    /** Whether a multi-line text holds a control character other than tab and line breaks. */
    public static boolean inText(String value) {
        return value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && !lineLayout(c));
    }

    /** A one-line value read by the desk itself (a mail's subject, a sender's name): runs of them become a space. */
    public static String toLine(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cntrl}\\x{80}-\\x{9F}]+", " ");
    }

    /** A text read by the desk itself (a mail's body): tab and line breaks stay, the others go. */
    public static String toText(String value) {
        return value == null ? null : value.replaceAll("[[\\p{Cntrl}\\x{80}-\\x{9F}]&&[^\\t\\n\\r]]", "");
    }

    private static boolean lineLayout(int c) {
        return c == '\t' || c == '\n' || c == '\r';
    }
}
