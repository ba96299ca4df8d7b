package dev.tiketti.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small reader of Java source text for the rules that bytecode cannot check (string literals
 * passed to a call): comments removed, calls found with their top-level arguments. It knows
 * string, character and text-block literals, so parentheses and slashes inside them do not
 * confuse it.
 */
final class SourceScan {
    /** A catalogue is a class whose name ends with {@code Messages} (API packages) or {@code Problems}. */
    static final Pattern CATALOGUE_FILE = Pattern.compile("\\w+(Messages|Problems)\\.java");

    private SourceScan() {
    }

    /** A call found in a source: where it starts and its top-level arguments as written. */
    record Call(String file, int line, String head, List<String> arguments) {
        @Override
        public String toString() {
            return file + ":" + line + " " + head + "(" + String.join(", ", arguments) + ")";
        }
    }

    static boolean isCatalogue(Path file) {
        return CATALOGUE_FILE.matcher(file.getFileName().toString()).matches();
    }

    /** Every {@code .java} file under {@code root}, in a stable order. */
    static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source with comments replaced by spaces (line breaks kept, so line numbers stay). */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                for (; i < end; i++) {
                    out.append(src.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(src, i);
                out.append(src, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code code} (comments already removed) with the contents of its literals replaced by spaces. */
    static String withoutLiteralContents(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                out.append(c);
                for (int j = i + 1; j < end - 1; j++) {
                    out.append(code.charAt(j) == '\n' ? '\n' : ' ');
                }
                out.append(end - 1 > i ? code.charAt(end - 1) : "");
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just after the string, text-block or character literal starting at {@code start}. */
    static int endOfLiteral(String src, int start) {
        if (src.startsWith("\"\"\"", start)) {
            int end = src.indexOf("\"\"\"", start + 3);
            return end < 0 ? src.length() : end + 3;
        }
        char quote = src.charAt(start);
        int i = start + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, src.length());
    }

    /** Whether {@code code} (comments already removed) contains a string or text-block literal. */
    static boolean hasStringLiteral(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                return true;
            }
            if (c == '\'') {
                i = endOfLiteral(code, i) - 1;
            }
        }
        return false;
    }

    /**
     * The calls in {@code src} (comments already removed) whose text before the opening parenthesis
     * matches {@code head}, e.g. {@code Require\.argument}; the pattern must end where {@code (} follows.
     */
    static List<Call> calls(String file, String src, Pattern head) {
        List<Call> found = new ArrayList<>();
        Matcher m = head.matcher(src);
        while (m.find()) {
            int open = m.end();
            while (open < src.length() && Character.isWhitespace(src.charAt(open))) {
                open++;
            }
            if (open >= src.length() || src.charAt(open) != '(') {
                continue;
            }
            List<String> arguments = new ArrayList<>();
            int depth = 0;
            int from = open + 1;
            for (int i = open; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(src, i) - 1;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        String last = src.substring(from, i).strip();
                        if (!last.isEmpty() || !arguments.isEmpty()) {
                            arguments.add(last);
                        }
                        break;
                    }
                } else if (c == ',' && depth == 1) {
                    arguments.add(src.substring(from, i).strip());
                    from = i + 1;
                }
            }
            int line = (int) src.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
            found.add(new Call(file, line, m.group(), arguments));
        }
        return found;
    }
}
