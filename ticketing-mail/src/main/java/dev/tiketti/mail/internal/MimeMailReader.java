package dev.tiketti.mail.internal;

import dev.tiketti.mail.InboundMail;
import dev.tiketti.mail.MailAddress;
import dev.tiketti.mail.MailAttachment;
import dev.tiketti.mail.MailBounce;
import dev.tiketti.mail.MailHeader;
import dev.tiketti.mail.MailKind;
import dev.tiketti.mail.MailLimits;
import dev.tiketti.mail.MailRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Reads raw RFC 5322 bytes into an {@link InboundMail} on mime4j's pull parser ({@link MimeTokenStream}),
 * which lets every budget be checked as the structure is met instead of after a whole tree is built.
 * Embedded messages ({@code message/rfc822}) are not descended into: they are attachments (and, in a
 * delivery report, the source of the bounced Message-ID). Thread-safe: each call has its own state.
 */
public final class MimeMailReader {
    private static final int CHUNK = 64 * 1024;

    private final MailLimits limits;
    private final Set<String> ownAddresses;
    private final LongSupplier nanoTime;
    private final MimeConfig config;

    public MimeMailReader(MailLimits limits, Set<String> ownAddresses, LongSupplier nanoTime) {
        this.limits = limits;
        this.ownAddresses = Set.copyOf(ownAddresses);
        this.nanoTime = nanoTime;
        this.config = MimeConfig.custom()
                .setMaxLineLen(limits.maxLineLength())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderLength())
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(true)
                .setCountLineNumbers(false)
                .build();
    }

    /** Reads at most the raw-size budget + 1 bytes, then parses them. */
    public InboundMail read(InputStream in) {
        byte[] raw;
        try {
            raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limits.maxRawBytes() + 1));
        } catch (IOException e) {
            throw MailProblems.readFailed(e);
        }
        return read(raw);
    }

    public InboundMail read(byte[] raw) {
        if (raw.length > limits.maxRawBytes()) {
            throw MailProblems.tooLarge(raw.length, limits.maxRawBytes());
        }
        Budget budget = new Budget(nanoTime, limits.maxProcessingTime());
        checkLines(raw);
        try {
            return new Reading(raw, budget).run();
        } catch (MailRejectedException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw MailProblems.tooDeep(limits.maxDepth());
        } catch (MimeException | IOException | RuntimeException e) {
            throw budgetBroken(e);
        }
    }

    /** mime4j reports its limits wrapped in its own exceptions: find the limit in the causes. */
    private MailRejectedException budgetBroken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxLineLimitException) {
                return MailProblems.lineTooLong(limits.maxLineLength(), e);
            }
            if (t instanceof MaxHeaderLimitException) {
                return MailProblems.tooManyHeaders(limits.maxHeaderCount(), e);
            }
            if (t instanceof MaxHeaderLengthLimitException) {
                return MailProblems.headerTooLong(limits.maxHeaderLength(), e);
            }
        }
        return MailProblems.unparseable(e);
    }

    /**
     * The line-length budget over the whole raw mail, in one pass before parsing: mime4j checks it only
     * in headers and boundaries, and a megabyte-long line is as much a bomb in a body.
     */
    private void checkLines(byte[] raw) {
        int max = limits.maxLineLength();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                if (i - start > max) {
                    throw MailProblems.lineTooLong(max, null);
                }
                start = i + 1;
            }
        }
        if (raw.length - start > max) {
            throw MailProblems.lineTooLong(max, null);
        }
    }

    /** What the parser knows about one entity (the message or a body part) while inside it. */
    private static final class Part {
        MimeParams contentType = MimeParams.EMPTY;
        MimeParams disposition = MimeParams.EMPTY;
        String contentId = "";
        String mediaType = "text/plain";
    }

    /** The state of one parse. */
    private final class Reading {
        private final byte[] raw;
        private final Budget budget;
        private final List<MailHeader> headers = new ArrayList<>();
        private final List<String> plain = new ArrayList<>();
        private final List<String> html = new ArrayList<>();
        private final List<MailAttachment> attachments = new ArrayList<>();
        private final List<String> failedRecipients = new ArrayList<>();
        private final List<String> reportedRecipients = new ArrayList<>();
        private String from = "";
        private final StringBuilder replyTo = new StringBuilder();
        private final StringBuilder to = new StringBuilder();
        private final StringBuilder cc = new StringBuilder();
        private String subject;
        private String date = "";
        private String messageId = "";
        private String inReplyTo = "";
        private String references = "";
        private String originalMessageId;
        private boolean deliveryStatus;
        private String topMediaType = "text/plain";
        private String reportType = "";

        Reading(byte[] raw, Budget budget) {
            this.raw = raw;
            this.budget = budget;
        }

        InboundMail run() throws IOException, MimeException {
            int start = mboxSeparatorEnd(raw);
            MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
            stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
            InputStream in = new ByteArrayInputStream(raw, start, raw.length - start);
            if (!startsWithHeader(raw, start)) {
                // no header at all: the whole mail is body (mime4j would take its first line for a field)
                in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'\r', '\n'}), in);
            }
            stream.parse(in);
            Deque<Part> parts = new ArrayDeque<>();
            int depth = 0;
            int partCount = 0;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                budget.check();
                switch (state) {
                    case T_START_MESSAGE -> parts.push(new Part());
                    case T_START_BODYPART -> {
                        if (++partCount > limits.maxParts()) {
                            throw MailProblems.tooManyParts(limits.maxParts());
                        }
                        parts.push(new Part());
                    }
                    case T_FIELD -> field(stream.getField(), parts.peek(), parts.size() == 1);
                    case T_START_MULTIPART -> {
                        typed(stream, parts.peek(), parts.size() == 1);
                        if (++depth > limits.maxDepth()) {
                            throw MailProblems.tooDeep(limits.maxDepth());
                        }
                    }
                    case T_END_MULTIPART -> depth--;
                    case T_BODY -> {
                        Part p = parts.peek() == null ? new Part() : parts.peek();
                        typed(stream, p, parts.size() <= 1);
                        body(stream, p, partCount);
                    }
                    case T_END_BODYPART, T_END_MESSAGE -> parts.poll();
                    default -> {
                        // preamble, epilogue, header start: nothing to keep
                    }
                }
            }
            return assemble();
        }

        /** The media type from mime4j's descriptor, which knows the defaults (text/plain, message/rfc822 in a digest). */
        private void typed(MimeTokenStream stream, Part p, boolean top) {
            if (p == null) {
                return;
            }
            p.mediaType = mediaType(stream.getBodyDescriptor().getMimeType());
            if (top) {
                topMediaType = p.mediaType;
                reportType = lower(p.contentType.params().getOrDefault("report-type", ""));
            }
        }

        private void field(Field field, Part part, boolean top) {
            ByteSequence seq = field.getRaw();
            byte[] bytes = seq == null ? field.getBody().getBytes(StandardCharsets.UTF_8) : seq.toByteArray();
            String name = field.getName() == null ? "" : field.getName().strip();
            String value = HeaderText.rawBody(bytes, 0, bytes.length);
            String lower = lower(name);
            if (part != null) {
                switch (lower) {
                    case "content-type" -> part.contentType = MimeParams.parse(value);
                    case "content-disposition" -> part.disposition = MimeParams.parse(value);
                    case "content-id" -> part.contentId = MessageIds.first(value).orElse("");
                    default -> {
                    }
                }
            }
            if (!top || name.isEmpty()) {
                return;
            }
            headers.add(new MailHeader(name, HeaderText.decoded(value)));
            switch (lower) {
                case "from" -> from = from.isEmpty() ? value : from;
                case "reply-to" -> replyTo.append(value).append(',');
                case "to" -> to.append(value).append(',');
                case "cc" -> cc.append(value).append(',');
                case "subject" -> subject = subject == null ? value : subject;
                case "date" -> date = date.isEmpty() ? value : date;
                case "message-id" -> messageId = messageId.isEmpty() ? value : messageId;
                case "in-reply-to" -> inReplyTo = inReplyTo.isEmpty() ? value : inReplyTo;
                case "references" -> references = references.isEmpty() ? value : references + " " + value;
                default -> {
                }
            }
        }

        private void body(MimeTokenStream stream, Part part, int index) throws IOException {
            byte[] content = readAll(stream.getDecodedInputStream());
            String type = part.mediaType;
            String fileName = part.disposition.param("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = part.contentType.param("name");
            }
            boolean attachment = part.disposition.value().equals("attachment");
            boolean named = fileName != null && !fileName.isBlank();
            String charset = part.contentType.param("charset");
            if ((type.equals("text/plain") || type.equals("text/html")) && !attachment && !named) {
                String text = Charsets.decode(content, charset);
                if (type.equals("text/html")) {
                    html.add(text);
                } else {
                    boolean flowed = "flowed".equalsIgnoreCase(part.contentType.param("format"));
                    plain.add(flowed ? Flowed.unflow(normalise(text),
                            "yes".equalsIgnoreCase(part.contentType.param("delsp"))) : normalise(text));
                }
                return;
            }
            switch (type) {
                case "message/delivery-status", "message/global-delivery-status" -> {
                    deliveryStatus = true;
                    deliveryStatus(Charsets.decode(content, charset));
                }
                case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers" -> {
                    if (originalMessageId == null) {
                        originalMessageId = headerOf(content, "message-id");
                    }
                }
                default -> {
                }
            }
            String media = type;
            String name = FileNames.sanitise(named ? fileName : "", media, attachments.size() + 1);
            if (media.equals("application/octet-stream") && FileNames.isTnef(name)) {
                media = "application/ms-tnef";
            }
            Optional<String> cid = part.contentId.isEmpty() ? Optional.empty() : Optional.of(part.contentId);
            attachments.add(MailAttachment.of(name, media, content, cid, part.disposition.value().equals("inline")));
        }

        private byte[] readAll(InputStream in) throws IOException {
            byte[] buffer = new byte[CHUNK];
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L));
                }
                int n = in.read(buffer, size, Math.min(CHUNK, buffer.length - size));
                if (n < 0) {
                    break;
                }
                size += n;
                budget.check();
            }
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }

        private void deliveryStatus(String report) {
            String recipient = null;
            String action = null;
            String status = null;
            String unfolded = report.replace("\r\n", "\n").replace('\r', '\n').replaceAll("\n[ \t]+", " ");
            for (String line : (unfolded + "\n\n").split("\n", -1)) {
                String l = line.strip();
                if (l.isEmpty()) {
                    if (recipient != null) {
                        reportedRecipients.add(recipient);
                        if ("failed".equals(action) || action == null && status != null && status.startsWith("5")) {
                            failedRecipients.add(recipient);
                        }
                    }
                    recipient = null;
                    action = null;
                    status = null;
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lower(l.substring(0, colon).strip());
                String value = l.substring(colon + 1).strip();
                switch (name) {
                    case "final-recipient" -> recipient = typedAddress(value);
                    case "original-recipient" -> recipient = recipient == null ? typedAddress(value) : recipient;
                    case "action" -> action = lower(value.split("[\\s(;]", 2)[0]);
                    case "status" -> status = value;
                    default -> {
                    }
                }
            }
        }

        private String typedAddress(String value) {
            int semi = value.indexOf(';');
            String a = Addresses.cleanAddress(semi >= 0 ? value.substring(semi + 1) : value);
            return a.isEmpty() ? null : a;
        }

        private InboundMail assemble() {
            budget.check();
            List<String> htmlIds = List.of();
            Optional<String> safeHtml = Optional.empty();
            String htmlText = "";
            if (!html.isEmpty()) {
                String joined = html.size() == 1 ? html.get(0) : String.join("\n", html);
                if (joined.length() > limits.maxHtmlChars()) {
                    throw MailProblems.htmlTooLarge(joined.length(), limits.maxHtmlChars());
                }
                HtmlBody body = HtmlBody.parse(joined);
                budget.check();
                int links = body.linkCount();
                if (links > limits.maxLinks()) {
                    throw MailProblems.tooManyLinks(links, limits.maxLinks());
                }
                Set<String> known = new HashSet<>();
                attachments.forEach(a -> a.contentId().ifPresent(known::add));
                safeHtml = Optional.of(body.sanitised(known::contains));
                htmlIds = body.cidReferences();
                if (plain.isEmpty()) {
                    htmlText = body.text();
                }
                budget.check();
            }
            if (!htmlIds.isEmpty()) {
                Set<String> referenced = new HashSet<>(htmlIds);
                attachments.replaceAll(a -> a.contentId().filter(referenced::contains).isPresent() ? a.asInline() : a);
            }
            String text = plain.isEmpty() ? htmlText : String.join("\n", plain).strip();
            QuotedHistory.Split split = QuotedHistory.split(text);
            Optional<MailAddress> sender = Addresses.first(from);
            Classification c = classify(sender);
            return new InboundMail(sender, Addresses.parseList(replyTo.toString()), Addresses.parseList(to.toString()),
                    Addresses.parseList(cc.toString()), subject == null ? "" : HeaderText.decoded(subject),
                    MailDates.parse(date), MessageIds.first(messageId), MessageIds.all(inReplyTo),
                    MessageIds.all(references), text, split.newText(), split.quoted(), safeHtml, attachments, c.kind,
                    c.bounce, headers, raw.length, sha256(raw));
        }

        private record Classification(MailKind kind, Optional<MailBounce> bounce) {
        }

        private Classification classify(Optional<MailAddress> sender) {
            if (sender.isPresent() && ownAddresses.contains(lower(sender.get().address()))
                    || headers.stream().anyMatch(h -> lower(h.name()).startsWith("x-tiketti-"))) {
                return new Classification(MailKind.OWN_LOOP, Optional.empty());
            }
            boolean report = topMediaType.equals("multipart/report")
                    && (reportType.equals("delivery-status") || reportType.equals("global-delivery-status"));
            boolean daemon = sender.isPresent() && lower(sender.get().localPart()).equals("mailer-daemon");
            List<String> xFailed = headerValues("x-failed-recipients");
            if (report || deliveryStatus || daemon || !xFailed.isEmpty()) {
                List<String> failed = new ArrayList<>(failedRecipients.isEmpty() ? reportedRecipients : failedRecipients);
                for (String v : xFailed) {
                    Addresses.parseList(v).forEach(a -> failed.add(a.address()));
                }
                return new Classification(MailKind.BOUNCE, Optional.of(new MailBounce(failed.stream().distinct().toList(),
                        Optional.ofNullable(originalMessageId))));
            }
            String autoSubmitted = lower(first("auto-submitted")).split("[\\s;(]", 2)[0];
            String precedence = lower(first("precedence"));
            if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no") || has("x-autoreply") || has("x-autorespond")
                    || has("x-auto-response-suppress") || precedence.equals("auto_reply")) {
                return new Classification(MailKind.AUTO_REPLY, Optional.empty());
            }
            if (has("list-id") || has("list-unsubscribe") || precedence.equals("bulk") || precedence.equals("junk")
                    || precedence.equals("list")) {
                return new Classification(MailKind.LIST, Optional.empty());
            }
            return new Classification(MailKind.PERSONAL, Optional.empty());
        }

        private boolean has(String name) {
            return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
        }

        private String first(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).findFirst()
                    .orElse("").strip();
        }

        private List<String> headerValues(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).toList();
        }
    }

    /** The value of header {@code name} in the header block at the start of {@code content} (a returned message). */
    static String headerOf(byte[] content, String name) {
        int end = content.length;
        for (int i = 0; i + 1 < content.length; i++) {
            if (content[i] == '\n' && (content[i + 1] == '\n' || content[i + 1] == '\r'
                    && i + 2 < content.length && content[i + 2] == '\n')) {
                end = i;
                break;
            }
        }
        String block = Charsets.guess(content, 0, end).replace("\r", "");
        String unfolded = block.replaceAll("\n[ \t]+", " ");
        for (String line : unfolded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return MessageIds.first(line.substring(colon + 1)).orElse(null);
            }
        }
        return null;
    }

    /** Whether the mail starts with a header field name and a colon (or with the empty line of an empty header). */
    static boolean startsWithHeader(byte[] raw, int start) {
        if (start >= raw.length || raw[start] == '\r' || raw[start] == '\n') {
            return true;
        }
        for (int i = start; i < raw.length && i < start + 1000; i++) {
            byte b = raw[i];
            if (b == ':') {
                return i > start;
            }
            if (b <= 32 || b >= 127) {
                return false;
            }
        }
        return false;
    }

    /** Skips an mbox {@code From } separator line that some exports put before the header. */
    static int mboxSeparatorEnd(byte[] raw) {
        if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** Line breaks as LF, no NUL or other control characters but tab, no trailing spaces on the text's end. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String mediaType(String mime) {
        if (mime == null || mime.isBlank()) {
            return "text/plain";
        }
        String m = lower(mime.strip());
        int slash = m.indexOf('/');
        return slash <= 0 || slash == m.length() - 1 || m.indexOf(' ') >= 0 ? "application/octet-stream" : m;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
