package dev.tiketti.mail.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a reply's text into the new text and the quoted history below it. The history starts at the
 * first line that is one of: an "original message" separator (English, Finnish, Swedish, German); an
 * Outlook header block ({@code From:}/{@code Lähettäjä:}/{@code Från:} followed within four lines by
 * {@code Sent:}/{@code Lähetetty:}/{@code Skickat:}/{@code Date:}); an attribution line
 * ({@code On … wrote:}, {@code … kirjoitti:}, {@code … skrev:}, possibly wrapped onto a second line); or
 * a {@code >}-quoted line. Nothing found: everything is new text. Replies written below the quote
 * (bottom posting) therefore keep their new words in the history: the timeline still shows them,
 * only not first.
 */
final class QuotedHistory {
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*[-_*=]{2,}\\s*(original message|alkuper[aä]inen viesti|ursprungligt meddelande|"
                    + "urspr[uü]ngliche nachricht|forwarded message|v[aä]litetty viesti|vidarebefordrat meddelande)"
                    + "\\s*[-_*=]{2,}\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FROM = Pattern.compile(
            "^\\s*\\*?(from|l[aä]hett[aä]j[aä]|fr[aå]n|von|de)\\*?\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENT = Pattern.compile(
            "^\\s*\\*?(sent|date|l[aä]hetetty|p[aä]iv[aä]m[aä][aä]r[aä]|skickat|datum|gesendet|to|vastaanottaja|till|"
                    + "subject|aihe|[aä]mne)\\*?\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^.{0,300}?\\b(wrote|kirjoitti|skrev|schrieb)(\\s.{0,200}?[>)])?\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^\\s*(on|den|am|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|ma|ti|ke|to|pe|la|su)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

    /** The result: new text first, the history if any. */
    record Split(String newText, Optional<String> quoted) {
    }

    private QuotedHistory() {
    }

    static Split split(String text) {
        String[] lines = text.split("\n", -1);
        int start = find(lines);
        if (start < 0) {
            return new Split(text, Optional.empty());
        }
        // an Outlook block is often preceded by a line of underscores or blank lines: they go with the history
        int s = start;
        while (s > 0 && (lines[s - 1].isBlank() || UNDERSCORES.matcher(lines[s - 1]).matches())) {
            s--;
        }
        StringBuilder fresh = new StringBuilder();
        for (int i = 0; i < s; i++) {
            fresh.append(lines[i]).append('\n');
        }
        StringBuilder old = new StringBuilder();
        for (int i = s; i < lines.length; i++) {
            old.append(lines[i]);
            if (i < lines.length - 1) {
                old.append('\n');
            }
        }
        String history = old.toString().strip();
        return new Split(fresh.toString().stripTrailing(), history.isEmpty() ? Optional.empty() : Optional.of(history));
    }

    private static int find(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > 1_000) {
                continue;
            }
            if (line.startsWith(">")) {
                // the attribution line above a quote belongs to the history too
                return i > 0 && ATTRIBUTION.matcher(lines[i - 1]).matches() ? i - 1 : i;
            }
            if (SEPARATOR.matcher(line).matches()) {
                return i;
            }
            if (ATTRIBUTION.matcher(line).matches()) {
                // "On Mon, 2 Dec 2024 at 10.15, Matti <matti@example.fi>\nwrote:" wraps: take the line before
                return i > 0 && line.strip().length() < 12 && ATTRIBUTION_START.matcher(lines[i - 1]).matches()
                        ? i - 1 : i;
            }
            if (FROM.matcher(line).matches() && headerBlockFollows(lines, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean headerBlockFollows(String[] lines, int from) {
        for (int j = from + 1; j < Math.min(lines.length, from + 5); j++) {
            if (SENT.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }
}
