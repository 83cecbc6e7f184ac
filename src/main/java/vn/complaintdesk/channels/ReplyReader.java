package vn.complaintdesk.channels;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads a customer's free-text answer to a letter as acceptance or rejection, in Vietnamese (with or
 * without diacritics) or English. It only answers when the text says one thing clearly; anything
 * mixed or silent is left to an agent (task {@code ClassifyCustomerReply}), because a wrong reading
 * would close a complaint the customer still disputes. An accepting word with a negation shortly
 * before it in the same clause ("tôi không hoàn toàn đồng ý", "I don't really agree") is a rejection.
 */
@Component
public class ReplyReader {

    public enum Reading { ACCEPT, REJECT, UNCLEAR }

    private static final List<List<String>> ACCEPTING = phrases("dong y", "chap nhan", "hai long", "nhat tri",
            "dong tinh", "accept", "accepted", "agree", "agreed", "satisfied", "happy", "ok", "okay", "yes", "fine");

    private static final List<List<String>> REJECTING = phrases("tu choi", "khieu nai tiep", "phan doi", "reject",
            "rejected", "disagree", "dissatisfied", "unsatisfied", "refuse", "object");

    private static final Set<String> NEGATIONS = Set.of("khong", "chua", "chang", "cha", "ko", "k", "hong",
            "not", "no", "never", "dont", "don't", "doesn't", "cannot", "can't", "cant", "isn't", "am't", "nor");

    /** How many words before an accepting phrase a negation still reaches. */
    private static final int NEGATION_REACH = 3;

    /** A survey answer: the rating alone, or with its unit, or followed by punctuation and a comment. */
    private static final Pattern RATING = Pattern.compile(
            "^\\s*([1-5])\\s*(?:/\\s*5|sao|stars?|\\*|điểm|diem)?\\s*(?:[.,!:;–-].*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    public Reading read(String text) {
        int accepts = 0;
        int rejects = 0;
        for (String clause : clauses(text)) {
            List<String> words = Arrays.asList(clause.split(" "));
            for (int i = 0; i < words.size(); i++) {
                if (startsWithAny(words, i, REJECTING)) {
                    rejects++;
                } else if (startsWithAny(words, i, ACCEPTING)) {
                    if (negatedBefore(words, i)) {
                        rejects++;
                    } else {
                        accepts++;
                    }
                }
            }
        }
        if ((accepts == 0) == (rejects == 0)) {
            return Reading.UNCLEAR;
        }
        return rejects > 0 ? Reading.REJECT : Reading.ACCEPT;
    }

    /** A survey answer of the form "5", "4/5", "3 sao, xử lý chậm", "5 stars"; empty when there is none. */
    public Optional<Integer> rating(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RATING.matcher(text.strip());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Lower case, without diacritics (đ → d), split at punctuation into clauses of single-spaced words. */
    static List<String> clauses(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('’', '\'');
        return Arrays.stream(plain.split("[.,;:!?\\n()\\[\\]\"]+"))
                .map(clause -> clause.replaceAll("[^a-z0-9']+", " ").strip())
                .filter(clause -> !clause.isEmpty())
                .toList();
    }

    private static boolean negatedBefore(List<String> words, int index) {
        for (int i = Math.max(0, index - NEGATION_REACH); i < index; i++) {
            if (NEGATIONS.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(List<String> words, int index, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (index + phrase.size() <= words.size() && words.subList(index, index + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> phrases(String... phrases) {
        return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }
}
