package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.mail.internal.IngestProblems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One IMAP mailbox a {@link MailChannel} reads, and what its mail becomes: where the server is, how to
 * log in (a password, or an OAuth2 access token by XOAUTH2), which folder to read, which ticket type a
 * new mail opens (a {@code tietosuoja@} mailbox can open a privacy-request type, so consent answers
 * and deletion requests written as free-form mail land in that workflow; nothing is acted on
 * automatically), and how many mails one FETCH takes. Immutable; {@link #toString()} never shows the
 * credentials.
 *
 * <pre>{@code
 * Mailbox hr = Mailbox.builder("hr@example.fi").host("imap.example.fi").port(993)
 *         .security(ImapSecurity.IMAPS).user("hr@example.fi").password(secret)
 *         .ticketType("hr-question").build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Mailbox {
    /** Mails per FETCH unless set: one round trip per batch (~89 ms on the loopback here). */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final String name;
    private final String host;
    private final int port;
    private final ImapSecurity security;
    private final String user;
    private final Optional<String> password;
    private final Optional<Supplier<String>> oauth2Token;
    private final String folder;
    private final String ticketType;
    private final int batchSize;

    private Mailbox(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.security = b.security;
        this.user = b.user;
        this.password = Optional.ofNullable(b.password);
        this.oauth2Token = Optional.ofNullable(b.oauth2Token);
        this.folder = b.folder;
        this.ticketType = b.ticketType;
        this.batchSize = b.batchSize;
    }

    /** A builder for the mailbox called {@code name} (its address, say; part of every idempotency key). */
    public static Builder builder(String name) {
        return new Builder(Require.notBlank(name, "mailbox name"));
    }

    /** The mailbox's name, unique in its channel. */
    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public ImapSecurity security() {
        return security;
    }

    public String user() {
        return user;
    }

    /** The password, when the mailbox logs in with one. */
    public Optional<String> password() {
        return password;
    }

    /** The OAuth2 access-token supplier (asked at each login), when the mailbox logs in by XOAUTH2. */
    public Optional<Supplier<String>> oauth2Token() {
        return oauth2Token;
    }

    /** The folder read, {@code INBOX} by default. */
    public String folder() {
        return folder;
    }

    /** The ticket type a new mail in this mailbox opens. */
    public String ticketType() {
        return ticketType;
    }

    /** How many mails one FETCH and one STORE take. */
    public int batchSize() {
        return batchSize;
    }

    /** The name, host and folder; never the user or the credentials. */
    @Override
    public String toString() {
        return "Mailbox[" + name + " " + host + ":" + port + " " + security + " " + folder + "]";
    }

    /**
     * Configures a {@link Mailbox}: each option checked when set and settable once; {@link #build()}
     * reports every missing one at once ({@code INVALID_MAIL_CHANNEL}).
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String name;
        private final Set<String> set = new LinkedHashSet<>();
        private String host;
        private int port;
        private ImapSecurity security = ImapSecurity.IMAPS;
        private String user;
        private String password;
        private Supplier<String> oauth2Token;
        private String folder = "INBOX";
        private String ticketType;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(String name) {
            this.name = name;
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw IngestProblems.optionTwice("Mailbox", option);
            }
        }

        public Builder host(String value) {
            Require.notBlank(value, "host");
            once("host");
            this.host = value.strip();
            return this;
        }

        /** The port, 1–65535 (default 993 for IMAPS, else 143). */
        public Builder port(int value) {
            if (value < 1 || value > 65_535) {
                throw IngestProblems.invalidOption("Mailbox", "port", Integer.toString(value), "1-65535");
            }
            once("port");
            this.port = value;
            return this;
        }

        /** How to secure the connection (default {@link ImapSecurity#IMAPS}). */
        public Builder security(ImapSecurity value) {
            Require.nonNull(value, "security");
            once("security");
            this.security = value;
            return this;
        }

        public Builder user(String value) {
            Require.notBlank(value, "user");
            once("user");
            this.user = value;
            return this;
        }

        /** Logs in with a password; cannot go with {@link #oauth2Token}. */
        public Builder password(String value) {
            Require.notBlank(value, "password");
            once("credentials");
            this.password = value;
            return this;
        }

        /** Logs in by XOAUTH2 with a token the supplier gives at each login; cannot go with {@link #password}. */
        public Builder oauth2Token(Supplier<String> value) {
            Require.nonNull(value, "oauth2Token");
            once("credentials");
            this.oauth2Token = value;
            return this;
        }

        /** The folder to read (default {@code INBOX}). */
        public Builder folder(String value) {
            Require.notBlank(value, "folder");
            once("folder");
            this.folder = value;
            return this;
        }

        /** The ticket type a new mail opens (required). */
        public Builder ticketType(String value) {
            Require.notBlank(value, "ticketType");
            once("ticketType");
            this.ticketType = value;
            return this;
        }

        /** Mails per batch, 1–10 000 (default {@value Mailbox#DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int value) {
            if (value < 1 || value > 10_000) {
                throw IngestProblems.invalidOption("Mailbox", "batchSize", Integer.toString(value), "1-10000");
            }
            once("batchSize");
            this.batchSize = value;
            return this;
        }

        /** The mailbox; fails with every missing option at once. */
        public Mailbox build() {
            List<String> problems = new ArrayList<>();
            if (host == null) {
                problems.add(IngestProblems.missing("Mailbox '" + name + "'", "host(...)"));
            }
            if (user == null) {
                problems.add(IngestProblems.missing("Mailbox '" + name + "'", "user(...)"));
            }
            if (password == null && oauth2Token == null) {
                problems.add(IngestProblems.missing("Mailbox '" + name + "'", "password(...) or oauth2Token(...)"));
            }
            if (ticketType == null) {
                problems.add(IngestProblems.missing("Mailbox '" + name + "'", "ticketType(...)"));
            }
            if (!problems.isEmpty()) {
                throw IngestProblems.cannotBuild("Mailbox '" + name + "'", problems);
            }
            if (port == 0) {
                port = security == ImapSecurity.IMAPS ? 993 : 143;
            }
            return new Mailbox(this);
        }
    }
}
