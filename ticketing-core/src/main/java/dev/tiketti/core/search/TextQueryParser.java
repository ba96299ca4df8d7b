package dev.tiketti.core.search;

import java.util.ArrayList;
import java.util.List;

/** Parses {@link TextQuery} syntax by recursive descent; positions are indexes into the raw text. Not API. */
final class TextQueryParser {
    private final String text;
    private int pos;

    TextQueryParser(String text) {
        this.text = text;
    }

    TextQuery parse() {
        TextQuery q = or();
        skipSpace();
        if (pos < text.length()) {
            // only a ')' can stop or() early
            throw SearchMessages.syntax(pos, SearchMessages.Syntax.STRAY_CLOSE);
        }
        return q;
    }

    private TextQuery or() {
        List<TextQuery> parts = new ArrayList<>();
        int start = peekPos();
        if (atOperator("OR")) {
            throw SearchMessages.syntax(start, SearchMessages.Syntax.OR_WITHOUT_LEFT);
        }
        parts.add(and());
        while (atOperator("OR")) {
            int at = peekPos();
            consumeOperator("OR");
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) == ')' || atOperator("OR") || atOperator("AND")) {
                throw SearchMessages.syntax(at, SearchMessages.Syntax.OR_WITHOUT_RIGHT);
            }
            parts.add(and());
        }
        List<TextQuery> kept = parts.stream().filter(p -> !(p instanceof TextQuery.Empty)).toList();
        return kept.isEmpty() ? new TextQuery.Empty() : kept.size() == 1 ? kept.get(0) : new TextQuery.Any(kept);
    }

    private TextQuery and() {
        List<TextQuery> parts = new ArrayList<>();
        boolean operand = false;
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) == ')' || atOperator("OR")) {
                break;
            }
            if (atOperator("AND")) {
                int at = pos;
                if (!operand) {
                    throw SearchMessages.syntax(at, SearchMessages.Syntax.AND_WITHOUT_LEFT);
                }
                consumeOperator("AND");
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) == ')' || atOperator("OR") || atOperator("AND")) {
                    throw SearchMessages.syntax(at, SearchMessages.Syntax.AND_WITHOUT_RIGHT);
                }
                continue;
            }
            parts.add(unit());
            operand = true;
        }
        List<TextQuery> kept = new ArrayList<>();
        for (TextQuery p : parts) {
            if (p instanceof TextQuery.All a) {
                kept.addAll(a.parts());
            } else if (!(p instanceof TextQuery.Empty)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? new TextQuery.Empty() : kept.size() == 1 ? kept.get(0) : new TextQuery.All(kept);
    }

    private TextQuery unit() {
        char c = text.charAt(pos);
        if (c == '(') {
            int open = pos++;
            TextQuery inner = or();
            skipSpace();
            if (pos >= text.length()) {
                throw SearchMessages.syntax(open, SearchMessages.Syntax.OPEN_PARENTHESIS);
            }
            pos++; // the ')'
            return inner;
        }
        if (c == '"') {
            int open = pos++;
            int close = text.indexOf('"', pos);
            if (close < 0) {
                throw SearchMessages.syntax(open, SearchMessages.Syntax.OPEN_QUOTE);
            }
            List<String> words = SearchQuery.wordsInOrder(text.substring(pos, close));
            pos = close + 1;
            return words.isEmpty() ? new TextQuery.Empty() : words.size() == 1 ? new TextQuery.Word(words.get(0)) : new TextQuery.Phrase(words);
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        List<String> words = SearchQuery.wordsInOrder(text.substring(start, pos));
        if (words.isEmpty()) {
            return new TextQuery.Empty();
        }
        return words.size() == 1 ? new TextQuery.Word(words.get(0)) : new TextQuery.All(words.stream().<TextQuery>map(TextQuery.Word::new).toList());
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private int peekPos() {
        skipSpace();
        return pos;
    }

    private boolean atOperator(String op) {
        skipSpace();
        int end = pos + op.length();
        return text.startsWith(op, pos)
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || "()\"".indexOf(text.charAt(end)) >= 0);
    }

    private void consumeOperator(String op) {
        pos += op.length();
    }
}
