package org.devportal.security.idp;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: four groups of four characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), e.g.
 * {@code K7QD-M3XR-9WFA-P2HN}, 80 random bits. The first group names the code, so that checking one costs a
 * single password-hash comparison; the whole code is what is hashed. Typing is forgiving: case, spaces and
 * dashes do not matter.
 */
final class RecoveryCodeFormat {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;

    private RecoveryCodeFormat() {}

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** The code in its canonical form, or empty when the input cannot be a recovery code at all. */
    static Optional<String> normalize(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != GROUPS * GROUP_LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            code.append(compact, group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH);
        }
        return Optional.of(code.toString());
    }

    /** The part of a canonical code that is stored in the clear to find its hash. */
    static String lookup(String canonical) {
        return canonical.substring(0, GROUP_LENGTH);
    }
}
