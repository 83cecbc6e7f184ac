package vn.complaintdesk.channels;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads a customer's free-text answer to a letter as acceptance or rejection, in Vietnamese (with or
 * without diacritics) or English. It only answers when the text says one thing clearly; anything
 * mixed or silent is left to an agent (task {@code ClassifyCustomerReply}), because a wrong reading
 * would close a complaint the customer still disputes.
 */
@Component
public class ReplyReader {

    public enum Reading { ACCEPT, REJECT, UNCLEAR }

    /** Checked first: each contains an accepting phrase ("không đồng ý" contains "đồng ý"). */
    private static final List<String> REJECTING = List.of(
            "khong dong y", "khong chap nhan", "tu choi", "khong hai long", "chua hai long", "chua dong y",
            "chua chap nhan", "khieu nai tiep", "do not accept", "don't accept", "dont accept", "not accept",
            "disagree", "reject", "not satisfied", "unsatisfied", "dissatisfied", "not ok", "not okay");

    private static final List<String> ACCEPTING = List.of(
            "dong y", "chap nhan", "hai long", "nhat tri", "accept", "agree", "satisfied", "ok", "okay", "yes");

    private static final Pattern RATING = Pattern.compile("^\\s*([1-5])(\\s*(/\\s*5|sao|stars?|\\*)?)(\\b|\\s|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public Reading read(String text) {
        String plain = normalise(text);
        if (plain.isBlank()) {
            return Reading.UNCLEAR;
        }
        boolean rejects = false;
        String rest = plain;
        for (String phrase : REJECTING) {
            if (contains(rest, phrase)) {
                rejects = true;
                rest = rest.replace(phrase, " ");
            }
        }
        String remaining = rest;
        boolean accepts = ACCEPTING.stream().anyMatch(phrase -> contains(remaining, phrase));
        if (rejects == accepts) {
            return Reading.UNCLEAR;
        }
        return rejects ? Reading.REJECT : Reading.ACCEPT;
    }

    /** A survey answer of the form "5", "4/5", "3 sao", "5 stars"; empty when there is none. */
    public Optional<Integer> rating(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RATING.matcher(text);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Lower case, without diacritics (đ → d), punctuation as spaces, single spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return " " + decomposed.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9']+", " ").strip() + " ";
    }

    private static boolean contains(String normalised, String phrase) {
        return normalised.contains(" " + phrase + " ") || normalised.contains(" " + phrase + "s ")
                || normalised.contains(" " + phrase + "ed ");
    }
}
