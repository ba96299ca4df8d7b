package dev.tiketti.mail.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header value such as Content-Type or Content-Disposition: the leading token and the
 * parameters, with RFC 2231 continuations ({@code name*0*}, {@code name*1}) and extended values
 * ({@code charset'lang'%XX}) joined and decoded, and RFC 2047 encoded words in values decoded (as
 * Outlook writes file names). Lenient: a broken parameter is skipped, never an exception.
 */
record MimeParams(String value, Map<String, String> params) {

    static final MimeParams EMPTY = new MimeParams("", Map.of());

    String param(String name) {
        return params.get(name);
    }

    static MimeParams parse(String header) {
        List<String> pieces = split(header);
        if (pieces.isEmpty()) {
            return EMPTY;
        }
        String value = pieces.get(0).strip().toLowerCase(Locale.ROOT);
        Map<String, String> simple = new HashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new HashMap<>();
        for (int i = 1; i < pieces.size(); i++) {
            String p = pieces.get(i);
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = unquote(p.substring(eq + 1).strip());
            boolean extended = name.endsWith("*");
            if (extended) {
                name = name.substring(0, name.length() - 1);
            }
            int star = name.indexOf('*');
            int index = 0;
            if (star > 0) {
                try {
                    index = Integer.parseInt(name.substring(star + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                name = name.substring(0, star);
            } else if (!extended) {
                simple.putIfAbsent(name, v);
                continue;
            }
            if (index >= 0 && index < 10_000) {
                continued.computeIfAbsent(name, k -> new TreeMap<>()).putIfAbsent(index,
                        new String[] {v, extended ? "*" : ""});
            }
        }
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
            params.put(e.getKey(), join(e.getValue()));
        }
        for (Map.Entry<String, String> e : simple.entrySet()) {
            // an RFC 2231 value wins over the plain one (mailers send both for old readers)
            params.putIfAbsent(e.getKey(), HeaderText.decoded(e.getValue()));
        }
        return new MimeParams(value, params);
    }

    private static String join(TreeMap<Integer, String[]> segments) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] seg : segments.values()) {
            String v = seg[0];
            boolean extended = !seg[1].isEmpty();
            if (extended && first) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > q1) {
                    charset = v.substring(0, q1);
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            if (extended) {
                percentDecode(v, bytes);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return HeaderText.decoded(Charsets.decode(bytes.toByteArray(), charset));
    }

    private static void percentDecode(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && EncodedWords.hex(v.charAt(i + 1)) >= 0
                    && EncodedWords.hex(v.charAt(i + 2)) >= 0) {
                out.write(EncodedWords.hex(v.charAt(i + 1)) * 16 + EncodedWords.hex(v.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
    }

    /** Splits at semicolons outside quoted strings; backslash escapes inside quotes are kept for unquote. */
    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                cur.append(c).append(header.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 1 && v.charAt(0) == '"') {
            StringBuilder out = new StringBuilder(v.length());
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length()) {
                    out.append(v.charAt(++i));
                } else if (c == '"') {
                    break;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        return v;
    }
}
