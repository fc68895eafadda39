package org.devportal.base;

/**
 * A short, printable excerpt of text someone else chose, such as a refused request's parameters, for a log or a
 * history entry: control and format characters (line breaks, bidirectional overrides) become spaces, runs of
 * spaces become one, and anything past the limit is cut with an ellipsis.
 */
public final class Excerpt {

    /** The length history entries keep of what anyone could send before signing in. */
    public static final int SHORT = 80;

    private Excerpt() {}

    /** The excerpt of {@code text}, at most {@code max} characters long; null stays null. */
    public static String of(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("An excerpt has at least one character");
        }
        if (text == null) {
            return null;
        }
        StringBuilder plain = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && plain.length() <= max; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean blank = Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE;
            if (blank) {
                space = plain.length() > 0;
                continue;
            }
            if (space) {
                plain.append(' ');
                space = false;
            }
            plain.appendCodePoint(c);
        }
        if (plain.length() <= max) {
            return plain.toString();
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(plain.charAt(cut)) && cut > 0) {
            cut--;
        }
        return plain.substring(0, cut) + "…";
    }
}
