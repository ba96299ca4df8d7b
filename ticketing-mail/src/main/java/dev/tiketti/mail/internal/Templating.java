package dev.tiketti.mail.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {placeholders}} in one pass and lists those a text uses. Not API. */
public final class Templating {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Templating() {
    }

    /**
     * Fills in one pass, so that text from outside (a subject typed by a customer may contain
     * "{body}") is inserted literally and never expanded in turn; an unknown placeholder stays.
     */
    public static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group())));
    }

    public static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
