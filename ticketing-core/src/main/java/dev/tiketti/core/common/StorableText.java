package dev.tiketti.core.common;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters Tiketti keeps: text that every supported store holds faithfully. PostgreSQL
 * refuses U+0000 and replaces a lone surrogate with {@code ?}, while H2 keeps both, so core refuses
 * them (and the other C0 control characters but tab, line feed and carriage return, which no
 * ticket text needs and which break mail headers and exports) before anything is written, the
 * same on every store. Channels that receive such text from outside (mail) {@link #clean} it.
 *
 * @since 0.1
 */
public final class StorableText {
    private StorableText() {
    }

    /**
     * The first character of {@code text} that is not kept, described without the text around it
     * (e.g. {@code "U+0000 at position 4"}); empty when every character is kept.
     */
    public static Optional<String> firstProblem(String text) {
        int i = firstUnstorable(Require.nonNull(text, "text"));
        return i < 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "U+%04X at position %d",
                (int) text.charAt(i), i + 1));
    }

    /** Whether every character of {@code text} is kept. */
    public static boolean isStorable(String text) {
        return firstUnstorable(Require.nonNull(text, "text")) < 0;
    }

    /**
     * {@code text} with the characters that are not kept taken out: control characters removed,
     * a lone surrogate replaced by U+FFFD (the replacement character), the rest unchanged.
     */
    public static String clean(String text) {
        Require.nonNull(text, "text");
        if (firstUnstorable(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isControl(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }
}
