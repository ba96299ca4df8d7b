package dev.tiketti.mail.internal;

/**
 * RFC 3676 format=flowed undone: a line ending in a space continues on the next one (the space
 * dropped with {@code delsp=yes}), a space-stuffed line loses its first space; the signature
 * separator {@code "-- "} stays a line of its own.
 */
final class Flowed {
    private Flowed() {
    }

    static String unflow(String text, boolean delsp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ") && i < lines.length - 1;
            if (soft) {
                out.append(delsp ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
