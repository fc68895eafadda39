package org.devportal.clients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.devportal.base.EmailAddress;

/**
 * The client's contact addresses: 1 to 10 valid addresses. Duplicates, in any letter case, are removed, keeping
 * the first; this is the one normalisation the rules allow (docs/client-rules.md, client fields).
 */
public record ContactEmails(List<EmailAddress> addresses) {

    public static final int MAX = 10;

    public ContactEmails {
        Set<EmailAddress> unique = new LinkedHashSet<>(addresses == null ? List.of() : addresses);
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("Add at least one contact e-mail address for the people responsible");
        }
        if (unique.size() > MAX) {
            throw new IllegalArgumentException("Add at most " + MAX + " contact e-mail addresses");
        }
        addresses = List.copyOf(unique);
    }

    /** Parses the addresses as typed; each error names the address it is about. */
    public static ContactEmails parse(List<String> typed) {
        List<EmailAddress> parsed = new ArrayList<>();
        for (String raw : typed) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                parsed.add(EmailAddress.of(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(value + ": " + e.getMessage());
            }
        }
        return new ContactEmails(parsed);
    }

    public List<String> values() {
        return addresses.stream().map(EmailAddress::value).toList();
    }
}
