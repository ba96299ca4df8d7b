package dev.tiketti.mail.internal;

/**
 * Header values as text: raw 8-bit bytes decoded (UTF-8 if valid, else Windows-1252), folding
 * removed, and — after RFC 2047 decoding — every control character replaced by a space. The last
 * rule is the header-injection policy: an encoded word that decodes to CR or LF can never smuggle a
 * line break into a subject, a name or a file name that a host later writes into another header.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** The field body of a raw header field ({@code Name: body}), 8-bit decoded and unfolded. */
    static String rawBody(byte[] raw, int offset, int length) {
        int colon = -1;
        for (int i = offset; i < offset + length; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
        }
        int start = colon < 0 ? offset : colon + 1;
        return unfold(Charsets.guess(raw, start, offset + length - start));
    }

    /** Removes CR and LF that fold a header (RFC 5322 2.2.3); the white space after them stays. */
    static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value.strip();
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Encoded words decoded, then control characters (CR, LF, NUL, tab, DEL, C1) made spaces. */
    static String decoded(String value) {
        return clean(EncodedWords.decode(value));
    }

    static String clean(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(value.length()).append(value, 0, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value.strip() : out.toString().strip();
    }
}
