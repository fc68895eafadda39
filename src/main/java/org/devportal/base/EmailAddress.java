package org.devportal.base;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address (RFC 5322 addr-spec, dot-atom form). It is kept in lower case, so that two spellings of
 * the same address compare equal.
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Enter an e-mail address");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("E-mail addresses can be at most " + MAX_LENGTH + " characters long");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException("Remove the spaces around the e-mail address");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
            throw new IllegalArgumentException("Enter an e-mail address like name@example.com");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            throw new IllegalArgumentException("The part before @ of the e-mail address is not valid");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("The domain after @ of the e-mail address is not valid");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
