package dev.tiketti.mail;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.spi.ConsentRequestMessage;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.mail.internal.OutboundAddresses;
import dev.tiketti.mail.internal.OutboundHeaders;
import dev.tiketti.mail.internal.IdentifiedMimeMessage;
import dev.tiketti.mail.internal.LoopBrake;
import dev.tiketti.mail.internal.SmtpFailures;
import dev.tiketti.mail.internal.SmtpProblems;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Tiketti's mail by SMTP (Angus Mail): handlers' replies, acknowledgements, notices,
 * reminders, escalations, consent requests and redirects, each from a per-language
 * {@link MailTemplates template}, as UTF-8 plain text.
 *
 * <p>Every mail of a ticket carries a {@link MessageIds verifiable Message-ID} (the same on a
 * re-delivery from the outbox), the ticket's thread root in {@code References}, and the tag
 * {@code [HR-1042]} once in its subject. Automatic mail is marked ({@code Auto-Submitted},
 * RFC 3834; {@code X-Auto-Response-Suppress: All}) and goes through the loop brake: at most
 * {@code loopBrake(max, window)} automatic mails per address (default 10 in 3 hours), and no mail at
 * all to our own addresses; a held-back mail is dropped, logged at WARN by ticket key and counted
 * in {@link #braked()}. Header values built from data never carry a line break.
 *
 * <p>Failures: a server that cannot be reached, times out or answers 4xx throws a retryable
 * {@code StorageUnavailableException} with {@code MAIL_SERVER_UNAVAILABLE}, so the outbox tries
 * again; a 5xx refusal throws {@code MAIL_DELIVERY_REFUSED}; bad credentials {@code MAIL_AUTHENTICATION_FAILED};
 * an unknown or malformed address {@code MAIL_RECIPIENT_UNRESOLVED} or {@code INVALID_MAIL_ADDRESS}.
 * No message names an address or quotes a text. Immutable and thread-safe; one connection per mail.
 *
 * @since 0.1
 */
public final class SmtpTransport implements OutboundTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);

    private final Session session;
    private final String host;
    private final int port;
    private final Optional<String> user;
    private final Optional<Supplier<String>> secret;
    private final Sender defaultFrom;
    private final Map<TeamId, Sender> teamFrom;
    private final Function<AgentId, Optional<String>> agents;
    private final Function<TeamId, Optional<String>> teams;
    private final Function<TicketId, List<String>> inbound;
    private final MessageIds ids;
    private final MailTemplates templates;
    private final String privacyNoticeUrl;
    private final Language staffLanguage;
    private final Clock clock;
    private final LoopBrake brake;

    /** A from-address and its display name. */
    private record Sender(InternetAddress address, String name) {
        InternetAddress named() {
            return OutboundAddresses.named(address, name);
        }
    }

    private SmtpTransport(Builder b, Properties properties) {
        this.session = Session.getInstance(properties);
        this.host = b.host;
        this.port = b.port != 0 ? b.port : b.security.defaultPort();
        this.user = Optional.ofNullable(b.user);
        this.secret = Optional.ofNullable(b.secret);
        this.defaultFrom = b.defaultFrom;
        this.teamFrom = Map.copyOf(b.teamFrom);
        this.agents = b.agents;
        this.teams = b.teams;
        this.inbound = b.inbound;
        this.ids = b.ids;
        this.templates = b.templates;
        this.privacyNoticeUrl = b.privacyNoticeUrl;
        this.staffLanguage = b.staffLanguage;
        this.clock = b.clock;
        Set<String> own = new LinkedHashSet<>(b.own);
        own.add(OutboundAddresses.normalised(defaultFrom.address().getAddress()));
        teamFrom.values().forEach(s -> own.add(OutboundAddresses.normalised(s.address().getAddress())));
        this.brake = new LoopBrake(b.brakeMax, b.brakeWindow, b.brakeStore, own);
    }

    /** A builder; {@code host}, {@code defaultFrom}, {@code messageIds} and {@code privacyNoticeUrl} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Message-IDs this transport mints, for recognising replies to its mail. */
    public MessageIds messageIds() {
        return ids;
    }

    /** How many mails the loop brake held back since this transport was built. */
    public long braked() {
        return brake.braked();
    }

    /** Sends {@code message} once, with a Message-ID of its own (no outbox: nothing re-delivers it). */
    @Override
    public void send(OutboundMessage message) {
        send(message, new EventDelivery(UUID.randomUUID().toString(), 1));
    }

    @Override
    public void send(OutboundMessage message, EventDelivery delivery) {
        Require.nonNull(message, "message");
        Require.nonNull(delivery, "delivery");
        String what = SmtpProblems.mailAbout(message.kind().name(), message.ticketKey());
        boolean automatic = message.kind().automatic();
        InternetAddress to = recipient(message, what);
        if (held(to, automatic, what)) {
            return;
        }
        Language language = message.to() instanceof OutboundMessage.ToContact c ? c.language() : staffLanguage;
        TemplateKind kind = TemplateKind.of(message.kind());
        MailTemplate template = templates.get(kind, language);
        Map<String, String> values = Map.of("key", message.ticketKey().toString(),
                "subject", OutboundHeaders.oneLine(message.subject()), "body", message.body(),
                "privacyNoticeUrl", privacyNoticeUrl);
        String subject = OutboundHeaders.tagged(template.subjectWith(values), message.ticketKey());
        Sender from = message.team().map(teamFrom::get).orElse(defaultFrom);

        List<String> references = new ArrayList<>();
        references.add(ids.threadRoot(message.ticketId()));
        List<String> quoted = inbound.apply(message.ticketId()).stream()
                .map(OutboundHeaders::messageId).flatMap(Optional::stream).toList();
        // the latest inbound mails, so that the header stays short on a long ticket
        references.addAll(quoted.subList(Math.max(0, quoted.size() - 10), quoted.size()));
        String inReplyTo = references.get(references.size() - 1);
        transmit(what, ids.mint(message.ticketId(), delivery.id()), from, to, subject,
                template.bodyWith(values), Optional.of(inReplyTo), references, autoSubmitted(message.kind()));
        brake.sent(to.getAddress(), automatic, clock.instant());
    }

    /** Sends a consent request (R8) in the contact's language, with the privacy-notice footer. */
    @Override
    public void send(ConsentRequestMessage message) {
        Require.nonNull(message, "message");
        String what = SmtpProblems.consentRequest(message.requestId().value());
        InternetAddress to = OutboundAddresses.bare(message.to())
                .orElseThrow(() -> SmtpProblems.invalidAddress(what, "recipient"));
        brake.hold(to.getAddress(), true, clock.instant()).ifPresent(reason -> {
            throw SmtpProblems.loopBraked(what, reason);
        });
        MailTemplate template = templates.get(TemplateKind.CONSENT_REQUEST, message.language());
        Map<String, String> values = Map.of("key", "", "subject", OutboundHeaders.oneLine(message.subject()),
                "body", message.body(), "privacyNoticeUrl", privacyNoticeUrl);
        transmit(what, "<c." + hex(message.requestId().value()) + "@" + ids.domain() + ">", defaultFrom, to,
                OutboundHeaders.oneLine(template.subjectWith(values)), template.bodyWith(values), Optional.empty(),
                List.of(), Optional.of("auto-generated"));
        brake.sent(to.getAddress(), true, clock.instant());
    }

    /**
     * Answers a mail that is not ours (R6) with "write to … instead", in its sender's language;
     * automatic mail, so the loop brake applies (a held-back redirect is dropped and counted).
     */
    public void sendRedirect(Redirect redirect) {
        Require.nonNull(redirect, "redirect");
        String what = SmtpProblems.redirect();
        InternetAddress to = OutboundAddresses.bare(redirect.to())
                .orElseThrow(() -> SmtpProblems.invalidAddress(what, "recipient"));
        if (held(to, true, what)) {
            return;
        }
        MailTemplate template = templates.get(TemplateKind.REDIRECT, redirect.language());
        Map<String, String> values = Map.of("key", "", "subject", OutboundHeaders.oneLine(redirect.subject()),
                "body", "", "writeTo", OutboundHeaders.oneLine(redirect.writeTo()), "privacyNoticeUrl", privacyNoticeUrl);
        Optional<String> inReplyTo = redirect.inReplyTo().flatMap(OutboundHeaders::messageId);
        transmit(what, "<x." + hex(UUID.randomUUID()) + "@" + ids.domain() + ">", defaultFrom, to,
                OutboundHeaders.oneLine(template.subjectWith(values)), template.bodyWith(values), inReplyTo,
                inReplyTo.map(List::of).orElse(List.of()), Optional.of("auto-replied"));
        brake.sent(to.getAddress(), true, clock.instant());
    }

    /**
     * RFC 3834: {@code auto-replied} answers a message (an acknowledgement, a redirect),
     * {@code auto-generated} is automatic but no answer (notices, reminders); a person's reply has none.
     */
    private static Optional<String> autoSubmitted(OutboundMessage.Kind kind) {
        return switch (kind) {
            case REPLY -> Optional.empty();
            case ACKNOWLEDGEMENT, REDIRECT -> Optional.of("auto-replied");
            case NOTICE, REMINDER, ESCALATION -> Optional.of("auto-generated");
        };
    }

    private boolean held(InternetAddress to, boolean automatic, String what) {
        Optional<String> reason = brake.hold(to.getAddress(), automatic, clock.instant());
        reason.ifPresent(r -> LOG.warn("Loop brake: not sending {}: {}", what, r));
        return reason.isPresent();
    }

    private InternetAddress recipient(OutboundMessage message, String what) {
        Optional<String> address;
        if (message.to() instanceof OutboundMessage.ToContact c) {
            if (c.emails().isEmpty()) {
                throw SmtpProblems.contactWithoutEmail(what, c.contact().value());
            }
            address = Optional.of(c.emails().get(0));
        } else if (message.to() instanceof OutboundMessage.ToAgent a) {
            address = agents.apply(a.agent());
            if (address.isEmpty()) {
                throw SmtpProblems.agentUnresolved(what, a.agent().value());
            }
        } else {
            TeamId team = ((OutboundMessage.ToTeam) message.to()).team();
            address = teams.apply(team);
            if (address.isEmpty()) {
                throw SmtpProblems.teamUnresolved(what, team.value());
            }
        }
        return OutboundAddresses.bare(address.get()).orElseThrow(() -> SmtpProblems.invalidAddress(what, "recipient"));
    }

    private void transmit(String what, String messageId, Sender from, InternetAddress to, String subject, String body,
                          Optional<String> inReplyTo, List<String> references, Optional<String> autoSubmitted) {
        String server = host + ":" + port;
        try {
            MimeMessage mail = new IdentifiedMimeMessage(session, messageId);
            mail.setFrom(from.named());
            mail.setRecipient(Message.RecipientType.TO, to);
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(clock.instant()));
            inReplyTo.ifPresent(id -> setHeader(mail, "In-Reply-To", id));
            if (!references.isEmpty()) {
                mail.setHeader("References", String.join(" ", references));
            }
            autoSubmitted.ifPresent(value -> {
                setHeader(mail, "Auto-Submitted", value);
                setHeader(mail, "X-Auto-Response-Suppress", "All");
            });
            mail.setText(body, StandardCharsets.UTF_8.name());
            mail.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(host, port, user.orElse(null), secret.map(Supplier::get).orElse(null));
                transport.sendMessage(mail, new InternetAddress[] {to});
            }
        } catch (MessagingException e) {
            throw SmtpFailures.translate(e, what, server);
        }
    }

    private static void setHeader(MimeMessage mail, String name, String value) {
        try {
            mail.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException("a new message takes headers", e);
        }
    }

    private static String hex(UUID id) {
        return HexFormat.of().toHexDigits(id.getMostSignificantBits())
                + HexFormat.of().toHexDigits(id.getLeastSignificantBits());
    }

    /** Never the password, the token or the addresses. */
    @Override
    public String toString() {
        return "SmtpTransport[" + host + ":" + port + "]";
    }

    /**
     * Configures a {@link SmtpTransport}, option by option: each option may be set once and is
     * checked when set; {@link #build()} reports every missing or contradictory option in one
     * {@code ConfigurationException} ({@code INVALID_MAIL_CONFIGURATION}). Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Set<String> set = new LinkedHashSet<>();
        private String host;
        private int port;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private String user;
        private Supplier<String> secret;
        private boolean oauth2;
        private Sender defaultFrom;
        private final Map<TeamId, Sender> teamFrom = new LinkedHashMap<>();
        private Function<AgentId, Optional<String>> agents = a -> Optional.empty();
        private Function<TeamId, Optional<String>> teams = t -> Optional.empty();
        private Function<TicketId, List<String>> inbound = t -> List.of();
        private MessageIds ids;
        private MailTemplates templates;
        private String privacyNoticeUrl;
        private Language staffLanguage = Language.FI;
        private Clock clock = Clock.systemUTC();
        private int brakeMax = 10;
        private Duration brakeWindow = Duration.ofHours(3);
        private LoopBrakeStore brakeStore;
        private final Set<String> own = new LinkedHashSet<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw SmtpProblems.optionTwice(option);
            }
        }

        /** The SMTP server's host name (required). */
        public Builder host(String value) {
            Require.notBlank(value, "host");
            if (value.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
                throw SmtpProblems.invalidHost(value);
            }
            once("host");
            host = value;
            return this;
        }

        /** The server's port; defaults to the security's ({@link SmtpSecurity#defaultPort()}). */
        public Builder port(int value) {
            if (value < 1 || value > 65_535) {
                throw SmtpProblems.invalidPort(value);
            }
            once("port");
            port = value;
            return this;
        }

        /** How the connection is protected; defaults to {@link SmtpSecurity#STARTTLS} (required by the client). */
        public Builder security(SmtpSecurity value) {
            Require.nonNull(value, "security");
            once("security");
            security = value;
            return this;
        }

        /** Authenticates with a user name and password (AUTH PLAIN or LOGIN, as the server offers). */
        public Builder credentials(String userName, String password) {
            Require.notBlank(userName, "userName");
            Require.notBlank(password, "password");
            auth("credentials");
            user = userName;
            secret = () -> password;
            return this;
        }

        /**
         * Authenticates with OAuth2 (SASL XOAUTH2): {@code token} is asked for an access token for
         * each connection, so it may refresh it.
         */
        public Builder oauth2(String userName, Supplier<String> token) {
            Require.notBlank(userName, "userName");
            Require.nonNull(token, "token");
            auth("oauth2");
            user = userName;
            secret = token;
            oauth2 = true;
            return this;
        }

        private void auth(String option) {
            if (set.contains("credentials") || set.contains("oauth2")) {
                throw set.contains(option) ? SmtpProblems.optionTwice(option)
                        : SmtpProblems.authenticationTwice(set.contains("oauth2") ? "oauth2" : "credentials", option);
            }
            set.add(option);
        }

        /** The sender of mail of no configured team (required): a bare address and its display name. */
        public Builder defaultFrom(String address, String displayName) {
            Require.notBlank(address, "address");
            Require.nonNull(displayName, "displayName");
            InternetAddress a = OutboundAddresses.bare(address).orElseThrow(() -> SmtpProblems.invalidConfiguredAddress("defaultFrom"));
            once("defaultFrom");
            defaultFrom = new Sender(a, displayName);
            return this;
        }

        /** The sender of mail about tickets of {@code team}. */
        public Builder teamFrom(TeamId team, String address, String displayName) {
            Require.nonNull(team, "team");
            Require.notBlank(address, "address");
            Require.nonNull(displayName, "displayName");
            InternetAddress a = OutboundAddresses.bare(address)
                    .orElseThrow(() -> SmtpProblems.invalidTeamFrom(team.value()));
            if (teamFrom.containsKey(team)) {
                throw SmtpProblems.fromTwice(team.value());
            }
            teamFrom.put(team, new Sender(a, displayName));
            return this;
        }

        /** Where mail to an agent goes; without it, mail to agents fails with {@code MAIL_RECIPIENT_UNRESOLVED}. */
        public Builder agentAddresses(Function<AgentId, Optional<String>> resolver) {
            Require.nonNull(resolver, "resolver");
            once("agentAddresses");
            agents = resolver;
            return this;
        }

        /**
         * Where mail to a whole team goes (not the team's from-address, which the loop brake never
         * sends to); without it, mail to teams fails with {@code MAIL_RECIPIENT_UNRESOLVED}.
         */
        public Builder teamAddresses(Function<TeamId, Optional<String>> resolver) {
            Require.nonNull(resolver, "resolver");
            once("teamAddresses");
            teams = resolver;
            return this;
        }

        /**
         * The Message-IDs of the ticket's inbound mail, oldest first (kept by the mail poller), so
         * that a reply is {@code In-Reply-To} the customer's latest mail; malformed ids are left out.
         */
        public Builder inboundMessageIds(Function<TicketId, List<String>> lookup) {
            Require.nonNull(lookup, "lookup");
            once("inboundMessageIds");
            inbound = lookup;
            return this;
        }

        /** How Message-IDs are minted and verified (required): {@link MessageIds#withKey}. */
        public Builder messageIds(MessageIds value) {
            Require.nonNull(value, "messageIds");
            once("messageIds");
            ids = value;
            return this;
        }

        /** The templates; defaults to {@link MailTemplates#standard()}. */
        public Builder templates(MailTemplates value) {
            Require.nonNull(value, "templates");
            once("templates");
            templates = value;
            return this;
        }

        /** The privacy notice linked in every mail to customers (required, R8): an absolute http(s) URL. */
        public Builder privacyNoticeUrl(String url) {
            Require.notBlank(url, "privacyNoticeUrl");
            if (!isHttpUrl(url)) {
                throw SmtpProblems.invalidPrivacyNoticeUrl(url);
            }
            once("privacyNoticeUrl");
            privacyNoticeUrl = url;
            return this;
        }

        /** The language of mail to agents and teams; defaults to {@link Language#FI}. */
        public Builder staffLanguage(Language value) {
            Require.nonNull(value, "staffLanguage");
            once("staffLanguage");
            staffLanguage = value;
            return this;
        }

        /** Where the time of mails and the loop brake's window come from; defaults to {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            Require.nonNull(value, "clock");
            once("clock");
            clock = value;
            return this;
        }

        /** At most {@code max} automatic mails per address within {@code window}; defaults to 10 in 3 hours. */
        public Builder loopBrake(int max, Duration window) {
            Require.nonNull(window, "window");
            if (max < 1 || window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(30)) > 0) {
                throw SmtpProblems.invalidBrake(max, window);
            }
            once("loopBrake");
            brakeMax = max;
            brakeWindow = window;
            return this;
        }

        /** Where the loop brake counts; defaults to {@link LoopBrakeStore#inMemory()}. */
        public Builder loopBrakeStore(LoopBrakeStore store) {
            Require.nonNull(store, "loopBrakeStore");
            once("loopBrakeStore");
            brakeStore = store;
            return this;
        }

        /**
         * Our own addresses besides the from-addresses (e.g. the polled mailbox and its aliases): no
         * mail is ever sent to them.
         */
        public Builder ownAddresses(Collection<String> addresses) {
            Require.nonNull(addresses, "ownAddresses");
            for (String a : addresses) {
                Require.notBlank(a, "own address");
                OutboundAddresses.bare(a.strip()).orElseThrow(() -> SmtpProblems.invalidConfiguredAddress("ownAddresses"));
            }
            once("ownAddresses");
            addresses.forEach(a -> own.add(OutboundAddresses.normalised(a)));
            return this;
        }

        /** How long to wait to connect, and for each reply; default 10 and 30 seconds. */
        public Builder timeouts(Duration connect, Duration read) {
            Require.nonNull(connect, "connect");
            Require.nonNull(read, "read");
            for (Duration d : List.of(connect, read)) {
                if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                    throw SmtpProblems.invalidTimeout(d);
                }
            }
            once("timeouts");
            connectTimeout = connect;
            readTimeout = read;
            return this;
        }

        /** The transport; fails with {@code INVALID_MAIL_CONFIGURATION} listing every problem. */
        public SmtpTransport build() {
            List<String> problems = new ArrayList<>();
            if (host == null) {
                problems.add(SmtpProblems.missingHost());
            }
            if (defaultFrom == null) {
                problems.add(SmtpProblems.missingDefaultFrom());
            }
            if (ids == null) {
                problems.add(SmtpProblems.missingMessageIds());
            }
            if (privacyNoticeUrl == null) {
                problems.add(SmtpProblems.missingPrivacyNoticeUrl());
            }
            if (user != null && security == SmtpSecurity.NONE && host != null && !isLoopback(host)) {
                problems.add(SmtpProblems.secretInClear(host));
            }
            if (!problems.isEmpty()) {
                throw SmtpProblems.cannotBuildTransport(problems);
            }
            if (templates == null) {
                templates = MailTemplates.standard();
            }
            if (brakeStore == null) {
                brakeStore = LoopBrakeStore.inMemory();
            }
            return new SmtpTransport(this, properties());
        }

        private Properties properties() {
            Properties p = new Properties();
            p.setProperty("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
            p.setProperty("mail.smtp.timeout", Long.toString(readTimeout.toMillis()));
            p.setProperty("mail.smtp.writetimeout", Long.toString(readTimeout.toMillis()));
            // EHLO names our mail domain rather than whatever the local host resolves to
            p.setProperty("mail.smtp.localhost", ids.domain());
            switch (security) {
                case NONE -> {
                }
                case STARTTLS -> {
                    p.setProperty("mail.smtp.starttls.enable", "true");
                    p.setProperty("mail.smtp.starttls.required", "true");
                    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
                }
                case TLS -> {
                    p.setProperty("mail.smtp.ssl.enable", "true");
                    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
                }
            }
            if (user != null) {
                p.setProperty("mail.smtp.auth", "true");
                if (oauth2) {
                    p.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
                }
            }
            return p;
        }

        private static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
        }

        private static boolean isHttpUrl(String url) {
            try {
                URI uri = new URI(url);
                return uri.isAbsolute() && uri.getHost() != null
                        && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /** For tests of the wiring: the session properties this transport connects with. Not API. */
    Properties sessionProperties() {
        Properties copy = new Properties();
        copy.putAll(session.getProperties());
        return copy;
    }
}
