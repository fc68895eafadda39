package org.devportal.clients;

/**
 * A client's name as users see it at consent: 1–100 characters after trimming, no control characters, and no
 * invisible formatting characters: zero-width characters would let a name hide a word that the branding rule looks
 * for, and bidirectional controls would let it show in another order than it is stored. The platform-branding rule
 * needs configuration and lives in {@link ClientRules}.
 */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 100;

    public ClientName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Enter the name users will see when they connect your integration");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("Use at most " + MAX_LENGTH + " characters for the client name");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "The client name cannot contain control characters such as tabs or line breaks");
        }
        value.codePoints().filter(ClientName::invisible).findFirst().ifPresent(invisible -> {
            throw new IllegalArgumentException(String.format(
                    "The client name cannot contain %s (U+%04X): remove it and type the name again",
                    bidiControl(invisible) ? "bidirectional text controls" : "invisible characters", invisible));
        });
    }

    /**
     * Unicode's format characters (general category Cf): zero-width spaces and joiners, the word joiner, the byte
     * order mark, soft hyphens, and the bidirectional embeddings, overrides, isolates and marks.
     */
    private static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    private static boolean bidiControl(int codePoint) {
        return switch (Character.getDirectionality(codePoint)) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                    Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> true;
            default -> codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
        };
    }
}
