package dev.tiketti.search.internal.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The handler's query syntax, parsed leniently: whatever is typed yields a query, never an error.
 * <ul>
 *   <li>words are AND-ed: {@code vuosiloma siirto};
 *   <li>{@code OR} (also {@code |}) between two items: {@code lomaraha OR lomapalkka};
 *   <li>{@code "..."} is a phrase; an unclosed quote runs to the end of the text;
 *   <li>{@code -word}, {@code -"phrase"} or {@code NOT word} excludes;
 *   <li>{@code word*} matches as a prefix only;
 *   <li>{@code ( ... )} groups; an unclosed group closes at the end, a stray {@code )} is ignored;
 *   <li>{@code AND} and {@code &&} are accepted and mean what a space means.
 * </ul>
 * A dangling {@code OR} or {@code NOT} is ignored. Anything else ({@code :}, {@code @}, {@code +},
 * {@code ~}) is part of a word and is left to the analyzers, so e-mail addresses and ticket keys
 * like {@code HR-1042} search as themselves.
 */
final class UserQuery {
    /** Deeper groups are read as if their parentheses were not there. */
    static final int MAX_DEPTH = 8;

    /** A node of the parsed query. */
    sealed interface Node permits Word, Phrase, And, Or, Not {
    }

    /** One word; {@code prefix} when typed with a trailing {@code *}. */
    record Word(String text, boolean prefix) implements Node {
    }

    record Phrase(String text) implements Node {
    }

    record And(List<Node> items) implements Node {
    }

    record Or(List<Node> items) implements Node {
    }

    record Not(Node item) implements Node {
    }

    private enum Type { WORD, PHRASE, OR, AND, NOT, OPEN, CLOSE }

    private record Token(Type type, String text) {
    }

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private UserQuery(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The parse of {@code text}: an {@link And} of the top-level items (possibly empty). */
    static And parse(String text) {
        UserQuery q = new UserQuery(lex(text));
        List<Node> items = new ArrayList<>();
        while (q.pos < q.tokens.size()) {
            if (q.peek() == Type.CLOSE) {
                q.pos++; // stray ')'
                continue;
            }
            Node n = q.orExpr();
            if (n != null) {
                items.add(n);
            }
        }
        return new And(List.copyOf(items));
    }

    private Type peek() {
        return tokens.get(pos).type();
    }

    private Node orExpr() {
        List<Node> alternatives = new ArrayList<>();
        Node first = unary();
        if (first != null) {
            alternatives.add(first);
        }
        while (pos < tokens.size() && peek() == Type.OR) {
            pos++;
            if (pos < tokens.size() && peek() != Type.CLOSE) {
                Node next = unary();
                if (next != null) {
                    alternatives.add(next);
                }
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Or(List.copyOf(alternatives));
    }

    /** Null when the tokens here make nothing (a dangling NOT, an empty group, a stray OR/AND). */
    private Node unary() {
        if (pos >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(pos++);
        switch (t.type()) {
            case WORD:
                return t.text().endsWith("*") && t.text().length() > 1
                        ? new Word(t.text().substring(0, t.text().length() - 1).replace("*", ""), true)
                        : new Word(t.text().replace("*", ""), false);
            case PHRASE:
                return new Phrase(t.text());
            case NOT: {
                Node inner = pos < tokens.size() && peek() != Type.CLOSE ? unary() : null;
                if (inner instanceof Not not) {
                    return not.item(); // - -word: the negations cancel
                }
                return inner == null ? null : new Not(inner);
            }
            case OPEN: {
                if (depth >= MAX_DEPTH) {
                    return null;
                }
                depth++;
                List<Node> items = new ArrayList<>();
                while (pos < tokens.size() && peek() != Type.CLOSE) {
                    Node n = orExpr();
                    if (n != null) {
                        items.add(n);
                    }
                }
                if (pos < tokens.size()) {
                    pos++; // the ')'
                }
                depth--;
                if (items.isEmpty()) {
                    return null;
                }
                return items.size() == 1 ? items.get(0) : new And(List.copyOf(items));
            }
            default:
                return null; // OR, AND or ')' where an item should be
        }
    }

    private static List<Token> lex(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isQuote(c)) {
                int end = i + 1;
                while (end < n && !isQuote(text.charAt(end))) {
                    end++;
                }
                out.add(new Token(Type.PHRASE, text.substring(i + 1, end)));
                i = Math.min(n, end + 1);
            } else if (c == '(') {
                out.add(new Token(Type.OPEN, "("));
                i++;
            } else if (c == ')') {
                out.add(new Token(Type.CLOSE, ")"));
                i++;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))
                    && (out.isEmpty() || i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(')) {
                out.add(new Token(Type.NOT, "-"));
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && !isQuote(text.charAt(end))
                        && text.charAt(end) != '(' && text.charAt(end) != ')') {
                    end++;
                }
                String w = text.substring(i, end);
                out.add(switch (w) {
                    case "OR", "|", "||" -> new Token(Type.OR, w);
                    case "AND", "&&", "&" -> new Token(Type.AND, w);
                    case "NOT" -> new Token(Type.NOT, w);
                    default -> new Token(Type.WORD, w);
                });
                i = end;
            }
        }
        // AND means what a space means
        out.removeIf(t -> t.type() == Type.AND);
        return out;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }
}
