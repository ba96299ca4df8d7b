package dev.tiketti.mail.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?charset?Q|B?text?=}) anywhere in a header value, including inside
 * quoted display names and parameter values. Adjacent encoded words are joined without the white
 * space between them; adjacent words in the same charset are joined as bytes first, so a character
 * split across two words (which some mailers do) survives. Never throws: a word that cannot be
 * decoded stays as written.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,60})\\?([bBqQ])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value.indexOf("=?") < 0) {
            return value;
        }
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String gap = value.substring(last, m.start());
            boolean joinable = previousWasWord && gap.isBlank();
            if (!joinable) {
                pendingCharset = flush(out, pending, pendingCharset);
                out.append(gap);
            }
            String charset = m.group(1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix: =?utf-8*fi?Q?...?=
            if (star >= 0) {
                charset = charset.substring(0, star);
            }
            charset = charset.toLowerCase(Locale.ROOT);
            byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : quoted(m.group(3));
            if (pendingCharset != null && !pendingCharset.equals(charset)) {
                pendingCharset = flush(out, pending, pendingCharset);
            }
            pending.write(bytes, 0, bytes.length);
            pendingCharset = charset;
            last = m.end();
            previousWasWord = true;
        }
        flush(out, pending, pendingCharset);
        out.append(value, last, value.length());
        return out.toString();
    }

    private static String flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null) {
            out.append(Charsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
        return null;
    }

    /** Lenient base64: characters outside the alphabet are skipped, a dangling tail is dropped. */
    static byte[] base64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = value(text.charAt(i));
            if (v < 0) {
                if (text.charAt(i) == '=') {
                    break;
                }
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }

    /** The Q encoding: {@code _} is a space, {@code =XX} a byte; a broken escape stays as written. */
    static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
