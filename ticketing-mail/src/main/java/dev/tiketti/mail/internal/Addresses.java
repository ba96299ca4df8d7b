package dev.tiketti.mail.internal;

import dev.tiketti.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient RFC 5322 address-list reader: splits at commas outside quotes, angle brackets and
 * comments, understands groups ({@code undisclosed-recipients:;}), {@code Name <addr>},
 * {@code addr (Name)} and bare addresses, decodes display names (encoded words also inside quotes).
 * Entries without a usable address are skipped, never an exception.
 */
final class Addresses {
    private static final int MAX_ADDRESSES = 10_000;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]{1,60}\\?[bBqQ]\\?[^?]*\\?=");

    private Addresses() {
    }

    static List<MailAddress> parseList(String value) {
        List<MailAddress> out = new ArrayList<>();
        for (String entry : split(value)) {
            if (out.size() >= MAX_ADDRESSES) {
                break;
            }
            parseOne(entry).ifPresent(out::add);
        }
        return out;
    }

    static Optional<MailAddress> first(String value) {
        for (String entry : split(value)) {
            Optional<MailAddress> a = parseOne(entry);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    cur.append(c);
                    c = value.charAt(++i);
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (comment > 0) {
                if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
            } else if (c == '=' && i + 1 < value.length() && value.charAt(i + 1) == '?'
                    && ENCODED_WORD.matcher(value).region(i, value.length()).lookingAt()) {
                // an encoded word is one atom: what it encodes (":", ",") is no syntax
                Matcher m = ENCODED_WORD.matcher(value).region(i, value.length());
                m.lookingAt();
                cur.append(value, i, m.end());
                i = m.end() - 1;
                continue;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if ((c == ',' || c == ';') && !angle) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            } else if (c == ':' && !angle && cur.indexOf("@") < 0 && cur.indexOf("<") < 0) {
                // a group's display name: "Team: a@x, b@y;"
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    static Optional<MailAddress> parseOne(String entry) {
        String e = entry.strip();
        if (e.isEmpty()) {
            return Optional.empty();
        }
        String address;
        String name;
        int lt = lastUnquoted(e, '<');
        if (lt >= 0) {
            int gt = e.indexOf('>', lt);
            address = e.substring(lt + 1, gt < 0 ? e.length() : gt);
            name = e.substring(0, lt) + (gt < 0 ? "" : " " + e.substring(gt + 1));
            name = withoutComments(name).strip();
        } else {
            StringBuilder comments = new StringBuilder();
            address = withoutComments(e, comments);
            name = comments.toString().strip();
        }
        address = cleanAddress(address);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        name = displayName(name);
        if (name.equalsIgnoreCase(address)) {
            name = address;
        }
        return Optional.of(new MailAddress(address, name.isEmpty() ? Optional.empty() : Optional.of(name)));
    }

    private static int lastUnquoted(String s, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                found = i;
            }
        }
        return found;
    }

    /** The address without route, {@code mailto:}, quotes around the local part or white space; domain lower-cased. */
    static String cleanAddress(String raw) {
        String a = raw.strip();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        int route = a.indexOf(':');
        if (a.startsWith("@") && route > 0) {
            a = a.substring(route + 1);
        }
        a = HeaderText.clean(a);
        StringBuilder out = new StringBuilder(a.length());
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '<' && c != '>') {
                out.append(c);
            }
        }
        a = out.toString();
        if (a.isEmpty() || a.length() > 320) {
            return "";
        }
        int at = a.lastIndexOf('@');
        if (at < 0) {
            // "MAILER-DAEMON" and the like: keep a bare token, but never a word of a sentence
            return a.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? a : "";
        }
        if (at == 0 || at == a.length() - 1) {
            return "";
        }
        return a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The display name unquoted and decoded; encoded words inside quotes are decoded too (as mailers send them). */
    static String displayName(String raw) {
        String n = raw.strip();
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\\' && i + 1 < n.length()) {
                out.append(n.charAt(++i));
            } else if (c != '"') {
                out.append(c);
            }
        }
        String decoded = HeaderText.decoded(out.toString());
        if (decoded.length() >= 2 && (decoded.startsWith("'") && decoded.endsWith("'"))) {
            decoded = decoded.substring(1, decoded.length() - 1).strip();
        }
        return decoded.replaceAll("\\s{2,}", " ");
    }

    private static String withoutComments(String s) {
        return withoutComments(s, new StringBuilder());
    }

    private static String withoutComments(String s, StringBuilder comments) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                if (depth > 0) {
                    comments.append(c);
                }
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                if (depth > 0) {
                    comments.append(c);
                }
            } else if (depth > 0) {
                comments.append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
