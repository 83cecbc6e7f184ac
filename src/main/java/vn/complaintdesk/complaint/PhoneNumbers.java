package vn.complaintdesk.complaint;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers compared as numbers: {@code 0969360818}, {@code +84 969 360 818} and
 * {@code 84969360818} are one number, {@code +84969360818} (E.164). A number without a country code
 * is Vietnamese. Every phone the desk stores or compares goes through here; the spelling the customer
 * used is kept beside it for display.
 */
public final class PhoneNumbers {

    /** The region of a number written without a country code. */
    public static final String DEFAULT_REGION = "VN";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Longer input is no phone number; libphonenumber refuses more than 250 characters anyway. */
    private static final int MAX_LENGTH = 50;

    private PhoneNumbers() {
    }

    /** The E.164 form of a valid number, empty for blank or invalid input. */
    public static Optional<String> e164(String written) {
        if (written == null || written.isBlank() || written.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(written.strip(), DEFAULT_REGION);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether a non-blank input is a valid phone number. */
    public static boolean isValid(String written) {
        return e164(written).isPresent();
    }

    /** Whether both are valid and the same number, however each was written. */
    public static boolean same(String one, String other) {
        Optional<String> first = e164(one);
        return first.isPresent() && first.equals(e164(other));
    }
}
