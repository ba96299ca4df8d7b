package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.mail.internal.SmtpProblems;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the Message-IDs of the mail Tiketti sends and recognises them when a reply quotes them in
 * {@code In-Reply-To} or {@code References}: each id carries the ticket id and an HMAC-SHA256 tag
 * (96 bits) over it under a key only the host holds, so a reply is threaded to its ticket by the id
 * alone, and an id made up or altered by anyone without the key is not taken for one of ours.
 *
 * <p>Two forms, both {@code <…@domain>} with lower-case hex parts:
 * <ul>
 *   <li>{@link #mint(TicketId, String)}: {@code <m.TICKET.DELIVERY.TAG@domain>}, one per mail; the
 *       delivery part is derived from the outbox's delivery id, so a re-delivered mail gets the same
 *       id and a recipient's client shows it once;</li>
 *   <li>{@link #threadRoot(TicketId)}: {@code <r.TICKET.TAG@domain>}, the same for every mail of a
 *       ticket; put in {@code References} so that mail clients group the ticket's mail as a thread.</li>
 * </ul>
 * Immutable and thread-safe. Nodes that send and read the same mailbox must share key and domain.
 *
 * @since 0.1
 */
public final class MessageIds {
    /** The shortest HMAC key accepted, in bytes (128 bits); 32 random bytes are recommended. */
    public static final int MIN_KEY_BYTES = 16;
    private static final int TAG_BYTES = 12;
    private static final int DELIVERY_BYTES = 8;
    private static final String MAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern ID = Pattern.compile(
            "(m|r)\\.([0-9a-f]{32})(?:\\.([0-9a-f]{" + 2 * DELIVERY_BYTES + "}))?\\.([0-9a-f]{" + 2 * TAG_BYTES
                    + "})@([a-z0-9.-]{1,253})");
    /** One angle-bracketed id in a header such as {@code References}. */
    private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]{1,998}>");

    private final SecretKeySpec key;
    private final String domain;

    private MessageIds(byte[] key, String domain) {
        this.key = new SecretKeySpec(key, MAC);
        this.domain = domain;
    }

    /**
     * Ids signed with {@code key} (at least {@value #MIN_KEY_BYTES} bytes, kept secret by the host,
     * e.g. from its secret store) in {@code domain} (a host name such as {@code tiketti.example.fi},
     * lower-case). Fails with {@code INVALID_MAIL_CONFIGURATION} otherwise.
     */
    public static MessageIds withKey(byte[] key, String domain) {
        Require.nonNull(key, "key");
        Require.nonNull(domain, "domain");
        List<String> problems = new ArrayList<>();
        if (key.length < MIN_KEY_BYTES) {
            problems.add(SmtpProblems.messageIdKeyTooShort(key.length, MIN_KEY_BYTES));
        }
        if (!DOMAIN.matcher(domain).matches()) {
            problems.add(SmtpProblems.messageIdDomainInvalid(domain));
        }
        if (!problems.isEmpty()) {
            throw SmtpProblems.cannotBuildMessageIds(problems);
        }
        return new MessageIds(key.clone(), domain);
    }

    /** The domain the ids are minted in. */
    public String domain() {
        return domain;
    }

    /**
     * The Message-ID of one mail about {@code ticket}, with its angle brackets; equal for equal
     * arguments, so pass the delivery's deduplication id ({@code EventDelivery.id()}).
     */
    public String mint(TicketId ticket, String deliveryId) {
        Require.nonNull(ticket, "ticket");
        Require.notBlank(deliveryId, "deliveryId");
        String t = hex(ticket.value());
        String d = HEX.formatHex(sha256(deliveryId), 0, DELIVERY_BYTES);
        return "<m." + t + "." + d + "." + tag("m", t, d) + "@" + domain + ">";
    }

    /** The id of the ticket's thread, the same for all its mail, with its angle brackets. */
    public String threadRoot(TicketId ticket) {
        Require.nonNull(ticket, "ticket");
        String t = hex(ticket.value());
        return "<r." + t + "." + tag("r", t, "") + "@" + domain + ">";
    }

    /**
     * The ticket of a Message-ID this instance minted ({@link #mint} or {@link #threadRoot}), with or
     * without its angle brackets; empty for anything else — another domain, a changed character, a
     * wrong tag, garbage. Never throws on any string.
     */
    public Optional<TicketId> verify(String messageId) {
        if (messageId == null || messageId.length() > 1000) {
            return Optional.empty();
        }
        String id = messageId;
        boolean opens = id.startsWith("<");
        boolean closes = id.endsWith(">");
        if (opens != closes || opens && id.length() < 2) {
            return Optional.empty();
        }
        if (opens) {
            id = id.substring(1, id.length() - 1);
        }
        Matcher m = ID.matcher(id);
        if (!m.matches() || !m.group(5).equals(domain)) {
            return Optional.empty();
        }
        String form = m.group(1);
        String t = m.group(2);
        String d = m.group(3) == null ? "" : m.group(3);
        if (form.equals("m") == d.isEmpty()) {
            return Optional.empty(); // a per-mail id has a delivery part, the root has none
        }
        byte[] expected = HEX.parseHex(tag(form, t, d));
        byte[] given = HEX.parseHex(m.group(4));
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(HEX.parseHex(t));
        return Optional.of(new TicketId(new UUID(b.getLong(), b.getLong())));
    }

    /**
     * The ticket of the first of our ids among header values such as {@code In-Reply-To} and
     * {@code References} (each may hold several bracketed ids), looked at in the order given.
     */
    public Optional<TicketId> findTicket(List<String> headerValues) {
        Require.nonNull(headerValues, "headerValues");
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            Matcher m = BRACKETED.matcher(value.length() > 100_000 ? value.substring(0, 100_000) : value);
            while (m.find()) {
                Optional<TicketId> ticket = verify(m.group());
                if (ticket.isPresent()) {
                    return ticket;
                }
            }
        }
        return Optional.empty();
    }

    private String tag(String form, String ticketHex, String deliveryHex) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            // the parts are of fixed alphabets without '|', so the joined input is unambiguous
            mac.update((form + "|" + ticketHex + "|" + deliveryHex + "|" + domain).getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(mac.doFinal(), 0, TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String hex(UUID id) {
        return HEX.formatHex(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "MessageIds[" + domain + "]";
    }
}
