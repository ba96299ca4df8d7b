package dev.tiketti.mail.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Attachment file names a host can store and offer for download safely: no directories (the part
 * after the last {@code /} or {@code \}), no control characters or characters Windows refuses, no
 * leading dots (hidden files, {@code ..}), at most 200 characters with the extension kept; a part
 * without a usable name gets {@code attachment-N} with an extension from its media type.
 */
final class FileNames {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("application/pdf", ".pdf"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("image/webp", ".webp"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
            Map.entry("text/calendar", ".ics"), Map.entry("text/csv", ".csv"), Map.entry("message/rfc822", ".eml"),
            Map.entry("message/global", ".eml"), Map.entry("text/rfc822-headers", ".txt"),
            Map.entry("message/delivery-status", ".txt"), Map.entry("message/global-delivery-status", ".txt"),
            Map.entry("message/disposition-notification", ".txt"), Map.entry("application/ms-tnef", ".dat"),
            Map.entry("application/zip", ".zip"));
    private static final int MAX = 200;

    private FileNames() {
    }

    static String sanitise(String name, String mediaType, int index) {
        String n = name;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0 || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT) {
                out.append('_');
            } else {
                out.append(c);
            }
        }
        n = out.toString().strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        while (n.endsWith(".") || n.endsWith(" ")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isBlank() || n.chars().allMatch(c -> c == '_')) {
            return "attachment-" + index + EXTENSIONS.getOrDefault(mediaType, ".bin");
        }
        if (n.length() > MAX) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX - ext.length()) + ext;
        }
        return n;
    }

    static boolean isTnef(String name) {
        return name.toLowerCase(Locale.ROOT).equals("winmail.dat");
    }
}
