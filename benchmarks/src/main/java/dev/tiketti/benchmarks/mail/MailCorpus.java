package dev.tiketti.benchmarks.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of generated mails for {@link MailParseBenchmark}: Finnish text of mixed
 * sizes (a few hundred bytes to tens of kilobytes, most small), 10 % with an HTML alternative, 5 %
 * with a PDF-like attachment; bodies in 8-bit, quoted-printable or base64, headers with RFC 2047
 * encoded words. Generated in memory from a seed, so nothing is committed and every run parses
 * the same bytes.
 */
public final class MailCorpus {
    private static final String[] WORDS = {"hei", "kiitos", "tilaus", "lasku", "päivä", "käyttäjä", "hälytys",
        "toimitus", "maksu", "sopimus", "liite", "tervetuloa", "ärsyttävä", "hyvää", "huomenta", "asiakas",
        "palvelu", "yhteys", "salasana", "vika", "korjaus", "määräaika", "€", "Åland", "öljy", "syksy", "kesä"};
    private static final String[] FIRST = {"Matti", "Maija", "Pekka", "Päivi", "Jörö", "Sofia", "Åsa", "Ville"};
    private static final String[] LAST = {"Meikäläinen", "Virtanen", "Mäkinen", "Pöllänen", "Korhonen", "Ström"};

    private static final String HEX = "0123456789ABCDEF";

    private MailCorpus() {
    }

    /** {@code count} mails from {@code seed}. */
    public static List<byte[]> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mails.add(mail(random, i));
        }
        return mails;
    }

    private static byte[] mail(SplittableRandom r, int index) {
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String address = (first + "." + last).toLowerCase(Locale.ROOT).replace('ä', 'a').replace('ö', 'o')
                .replace('å', 'a').replace('Å', 'a') + "@example.fi";
        // most mails small, a tail of large ones: 1..40 lines of 4..20 words, sometimes x20
        int lines = 1 + r.nextInt(40) * (r.nextInt(10) == 0 ? 20 : 1);
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            StringBuilder line = new StringBuilder();
            int words = 4 + r.nextInt(16);
            for (int w = 0; w < words; w++) {
                line.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            }
            text.append(line).append(r.nextInt(5) == 0 ? "\r\n\r\n" : "\r\n");
        }
        boolean html = r.nextInt(10) == 0;
        boolean attachment = r.nextInt(20) == 0;
        String subject = "Tilaus " + index + " – " + WORDS[r.nextInt(WORDS.length)];
        StringBuilder head = new StringBuilder();
        head.append("From: ").append(encodedWord(first + " " + last)).append(" <").append(address).append(">\r\n")
                .append("To: Tuki <tuki@example.fi>\r\n")
                .append("Subject: ").append(encodedWord(subject)).append("\r\n")
                .append("Date: Mon, 2 Dec 2024 10:").append(String.format(Locale.ROOT, "%02d", index % 60))
                .append(":00 +0200\r\n")
                .append("Message-ID: <m").append(index).append("@example.fi>\r\n")
                .append("MIME-Version: 1.0\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String plainPart = textPart(r, text.toString(), "text/plain");
        if (!html && !attachment) {
            out.writeBytes((head + plainPart).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        String body = plainPart;
        if (html) {
            String htmlText = "<html><body><p>" + text.toString().replace("\r\n\r\n", "</p><p>").replace("\r\n", "<br>")
                    + "</p><p><a href=\"https://example.fi/tilaus/" + index + "\">Tilauksesi</a></p></body></html>";
            body = "Content-Type: multipart/alternative; boundary=\"alt" + index + "\"\r\n\r\n--alt" + index + "\r\n"
                    + plainPart + "\r\n--alt" + index + "\r\n" + textPart(r, htmlText, "text/html") + "\r\n--alt"
                    + index + "--\r\n";
        }
        if (attachment) {
            byte[] pdf = new byte[10_000 + r.nextInt(90_000)];
            r.nextBytes(pdf);
            String encoded = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(pdf);
            body = "Content-Type: multipart/mixed; boundary=\"mix" + index + "\"\r\n\r\n--mix" + index + "\r\n" + body
                    + "\r\n--mix" + index + "\r\nContent-Type: application/pdf; name=\"lasku-" + index + ".pdf\"\r\n"
                    + "Content-Disposition: attachment; filename=\"lasku-" + index + ".pdf\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--mix" + index + "--\r\n";
        }
        out.writeBytes((head + body).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String textPart(SplittableRandom r, String text, String type) {
        String head = "Content-Type: " + type + "; charset=UTF-8\r\n";
        switch (r.nextInt(3)) {
            case 0:
                return head + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text;
            case 1:
                return head + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder(76, new byte[] {'\r', '\n'})
                                .encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
            default:
                return head + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quotedPrintable(text);
        }
    }

    private static String encodedWord(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            String piece;
            if (c == '\r' || c == '\n') {
                out.append((char) c);
                column = 0;
                continue;
            } else if (c >= 33 && c <= 126 && c != '=' || c == ' ') {
                piece = String.valueOf((char) c);
            } else {
                piece = "=" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
            }
            if (column + piece.length() > 75) {
                out.append("=\r\n");
                column = 0;
            }
            out.append(piece);
            column += piece.length();
        }
        return out.toString();
    }
}
