package dev.tiketti.mail.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns bytes of mail into text without ever throwing: the Latin-1/ASCII labels mean Windows-1252 (as
 * every mail client writes them), unknown labels and missing labels mean "UTF-8 if the bytes are
 * valid UTF-8, else Windows-1252".
 */
final class Charsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> LATIN1 = Set.of("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
            "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "windows-1252", "cp1252",
            "x-cp1252", "ansi");
    private static final Set<String> ASCII = Set.of("us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us",
            "cp367", "csascii", "iso-ir-6", "646");

    private Charsets() {
    }

    /** The charset a label names, or null when it is missing, ASCII (bytes decide) or unknown. */
    static @Nullable Charset forLabel(@Nullable String label) {
        if (label == null) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.length() > 1 && l.startsWith("\"") && l.endsWith("\"")) {
            l = l.substring(1, l.length() - 1).strip();
        }
        if (l.isEmpty() || ASCII.contains(l)) {
            return null;
        }
        if (LATIN1.contains(l)) {
            return WINDOWS_1252;
        }
        if (l.equals("utf8") || l.equals("utf-8") || l.equals("unicode-1-1-utf-8")) {
            return StandardCharsets.UTF_8;
        }
        if (l.equals("ks_c_5601-1987")) {
            l = "x-windows-949";
        } else if (l.equals("gb2312")) {
            l = "gbk";
        }
        try {
            return Charset.forName(l);
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException: the bytes decide
            return null;
        }
    }

    /** Bytes as text in the labelled charset; see the class comment for missing or unknown labels. */
    static String decode(byte[] bytes, int offset, int length, @Nullable String label) {
        Charset cs = forLabel(label);
        if (cs == null) {
            return guess(bytes, offset, length);
        }
        return new String(bytes, offset, length, cs);
    }

    static String decode(byte[] bytes, @Nullable String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    /** UTF-8 when the bytes are valid UTF-8 (which includes pure ASCII), else Windows-1252. */
    static String guess(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, WINDOWS_1252);
        }
    }
}
