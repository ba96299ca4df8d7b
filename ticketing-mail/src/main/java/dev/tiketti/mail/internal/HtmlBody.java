package dev.tiketti.mail.internal;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML body made safe to show and readable as text. The sanitiser keeps jsoup's relaxed safelist
 * of formatting elements and removes everything active or remote: {@code <script>}, {@code <style>},
 * forms and their fields, {@code <iframe>}, {@code <object>}, {@code <embed>}, event-handler
 * attributes, {@code style}, every URL that is not {@code http(s)} / {@code mailto} on a link, and every
 * image that is not a {@code cid:} reference to an attachment of the same mail (remote images track
 * the reader). Links get {@code rel="noopener noreferrer nofollow"}.
 */
final class HtmlBody {
    /** Removed with their content: what they contain is code, styling or another document, not text. */
    private static final String DROPPED = "script, style, noscript, template, form, iframe, frame, frameset, object, "
            + "embed, applet, head, title, svg, math, button, input, select, textarea, meta, link, base";
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .addTags("img", "hr", "font", "center", "s", "strike", "del", "ins", "small", "big", "tt")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("font", "color", "size", "face")
            .addAttributes(":all", "dir", "align")
            .addProtocols("img", "src", "cid")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .preserveRelativeLinks(false);
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr", "address", "section", "article",
            "header", "footer", "center");

    private final Document document;

    private HtmlBody(Document document) {
        this.document = document;
    }

    static HtmlBody parse(String html) {
        return new HtmlBody(Jsoup.parse(html));
    }

    int linkCount() {
        return document.select("a[href], area[href]").size();
    }

    /**
     * Removes everything the class comment lists; {@code cid:} images whose Content-ID {@code known}
     * accepts stay (as {@code cid:} URLs the host maps to the attachment), other images are removed.
     */
    String sanitised(Predicate<String> known) {
        Document copy = document.clone();
        copy.select(DROPPED).remove();
        for (Element img : copy.select("img")) {
            String src = img.attr("src").strip();
            if (src.regionMatches(true, 0, "cid:", 0, 4) && known.test(cid(src))) {
                img.attr("src", "cid:" + cid(src));
            } else {
                img.remove();
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(copy);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The Content-IDs the HTML's images refer to by {@code cid:}. */
    java.util.List<String> cidReferences() {
        return document.select("img[src]").stream().map(e -> e.attr("src").strip())
                .filter(s -> s.regionMatches(true, 0, "cid:", 0, 4)).map(HtmlBody::cid).toList();
    }

    static String cid(String src) {
        String id = src.substring(4).strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    /** The body as plain text: blocks and line breaks become line breaks, a link's URL follows its text. */
    String text() {
        Document copy = document.clone();
        copy.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    appendText(out, t.getWholeText(), insidePre(t));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        newline(out);
                    }
                    if (tag.equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        String href = e.attr("href").strip();
                        String text = e.text().strip();
                        if ((href.startsWith("http") || href.startsWith("mailto:")) && !href.equals(text)
                                && !href.equals("mailto:" + text)) {
                            out.append(" <").append(href).append('>');
                        }
                    } else if (tag.equals("p") || tag.startsWith("h") && tag.length() == 2) {
                        newline(out);
                        out.append('\n');
                    } else if (BLOCKS.contains(tag) && !tag.equals("br")) {
                        newline(out);
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                }
            }
        }, copy.body() == null ? copy : copy.body());
        return tidy(out);
    }

    private static boolean insidePre(Node n) {
        for (Node p = n.parentNode(); p != null; p = p.parentNode()) {
            if (p instanceof Element e && e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void appendText(StringBuilder out, String text, boolean pre) {
        if (pre) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00a0';
            if (space) {
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void newline(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(--len);
        }
        if (len > 0 && out.charAt(len - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Trailing spaces off every line, at most one empty line in a row, no leading or trailing blank lines. */
    private static String tidy(CharSequence text) {
        String[] lines = text.toString().split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(l.startsWith(" ") ? l.stripLeading() : l);
        }
        return out.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
