package dev.tiketti.mail.internal;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Every message of the SMTP transport, in one place: what is wrong, with which value, and how to
 * fix it. They name tickets by key, teams and agents by id, options by name and SMTP replies by
 * their code — never an address, a display name, a subject or a body, which are personal data
 * (the transport's exceptions reach the outbox's log). Not API.
 */
public final class SmtpProblems {
    private SmtpProblems() {
    }

    // ---------------------------------------------------------------- configuration

    public static ConfigurationException cannotBuildTransport(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "SmtpTransport cannot be built",
                problems);
    }

    public static ConfigurationException cannotBuildMessageIds(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "MessageIds cannot be built",
                problems);
    }

    public static ConfigurationException invalidHost(String host) {
        return invalidOption("host", "'" + host + "'", "a host name or IP address");
    }

    public static ConfigurationException invalidPort(int port) {
        return invalidOption("port", port, "a port from 1 to 65535");
    }

    public static ConfigurationException invalidPrivacyNoticeUrl(String url) {
        return invalidOption("privacyNoticeUrl", "'" + url + "'", "an absolute http(s) URL of the published "
                + "privacy notice, e.g. https://example.fi/tietosuoja");
    }

    public static ConfigurationException invalidTimeout(Duration timeout) {
        return invalidOption("timeouts", timeout, "a positive duration of at most 10 minutes");
    }

    public static ConfigurationException invalidTeamFrom(String team) {
        return invalidConfiguredAddress("teamFrom(" + team + ")");
    }

    public static String missingHost() {
        return missing("host", "with the SMTP server's host name");
    }

    public static String missingDefaultFrom() {
        return missing("defaultFrom", "with the address and display name of mail of no configured team");
    }

    public static String missingMessageIds() {
        return missing("messageIds", "with MessageIds.withKey(key, domain), the key from the host's secret store");
    }

    public static String missingPrivacyNoticeUrl() {
        return missing("privacyNoticeUrl", "with the URL of the published privacy notice, which every mail to "
                + "customers links (R8)");
    }

    public static String secretInClear(String host) {
        return "credentials are set with security NONE for host " + host + ", which would send them in clear: "
                + "use SmtpSecurity.STARTTLS or TLS (NONE with credentials is allowed only on the loopback interface)";
    }

    // ---------------------------------------------------------------- what is being sent

    public static String mailAbout(String kind, Object ticketKey) {
        return "the " + kind + " about " + ticketKey;
    }

    public static String consentRequest(Object requestId) {
        return "the consent request " + requestId;
    }

    public static String redirect() {
        return "a redirect";
    }

    public static ConfigurationException optionTwice(String option) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "SmtpTransport option " + option
                + " was already set: set each option once", List.of());
    }

    public static ConfigurationException authenticationTwice(String first, String second) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "SmtpTransport option " + second
                + " cannot be combined with " + first + ", which was already set: authenticate either with a "
                + "password or with an OAuth2 token", List.of());
    }

    public static ConfigurationException fromTwice(Object team) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "The from-address of team '" + team
                + "' is set twice: set it once", List.of());
    }

    public static ConfigurationException invalidOption(String option, Object value, String expected) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "SmtpTransport option " + option
                + " is " + value + ": use " + expected, List.of());
    }

    /** An address given to the builder; {@code role} names it, e.g. "defaultFrom". The address itself is not repeated. */
    public static ConfigurationException invalidConfiguredAddress(String role) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_ADDRESS, "The address of SmtpTransport option "
                + role + " is not a bare address of the form local@domain (no display name, no line breaks, no "
                + "spaces); give the display name separately", List.of());
    }

    private static String missing(String option, String how) {
        return option + " is not set: call SmtpTransport.builder()." + option + "(...) " + how;
    }

    public static String messageIdKeyTooShort(int length, int min) {
        return "the Message-ID key has " + length + " bytes: give at least " + min
                + " random bytes (32 recommended) from the host's secret store";
    }

    public static String messageIdDomainInvalid(String domain) {
        return "the Message-ID domain '" + domain + "' is not a lower-case host name with a dot, such as "
                + "tiketti.example.fi: use the host name of the mail system";
    }

    public static ConfigurationException invalidBrake(int max, Duration window) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CONFIGURATION, "SmtpTransport option loopBrake("
                + max + ", " + window + ") is invalid: allow at least 1 mail in a positive window of at most 30 days",
                List.of());
    }

    // ---------------------------------------------------------------- templates

    public static ConfigurationException invalidTemplate(String kind, String language, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_TEMPLATE, "The " + kind + " mail template in "
                + language + " is invalid", problems);
    }

    public static String templateUnknownPlaceholders(Collection<String> unknown, Collection<String> known) {
        return "it uses the unknown placeholders " + unknown + ": use only " + known;
    }

    public static String templateLacksPlaceholder(String placeholder) {
        String why = switch (placeholder) {
            case "body" -> "(the text written for the mail would be lost)";
            case "privacyNoticeUrl" -> "(every mail to customers links the privacy notice, R8)";
            case "key" -> "(the customer needs the ticket key)";
            default -> "(the mail says where to write instead)";
        };
        return "it lacks {" + placeholder + "}, which it must contain " + why;
    }

    public static String templateSubjectLines() {
        return "its subject has a line break: a subject is one line";
    }

    public static String templateLayout() {
        return "no 'Subject: ' line with a subject, empty line and body";
    }

    public static String templateMissing() {
        return "there is no such resource";
    }

    public static String templateNotUtf8() {
        return "it is not UTF-8";
    }

    public static ConfigurationException templateUnreadable(String resource, String why) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_TEMPLATE, "The mail template resource " + resource
                + " cannot be read (" + why + "): it must be UTF-8 text whose first line is 'Subject: ...', then an "
                + "empty line, then the body", List.of());
    }

    // ---------------------------------------------------------------- sending

    /** {@code what} names the mail by ticket key or request id, e.g. "the REPLY about HR-1042". */
    public static TicketingException invalidAddress(String what, String role) {
        return new TicketingException(ErrorCode.INVALID_MAIL_ADDRESS, "Not sending " + what + ": its " + role
                + " address is not a bare address of the form local@domain (it is not repeated here). Correct it "
                + "in the register, or in what the host's resolver returns");
    }

    public static TicketingException contactWithoutEmail(String what, Object contact) {
        return unresolved(what, "contact " + contact, "Add an e-mail address to the contact in the register, or "
                + "answer by another channel");
    }

    public static TicketingException agentUnresolved(String what, String agent) {
        return unresolved(what, "agent '" + agent + "'", "Make the function given to SmtpTransport.builder()"
                + ".agentAddresses(...) return the agent's address");
    }

    public static TicketingException teamUnresolved(String what, String team) {
        return unresolved(what, "team '" + team + "'", "Make the function given to SmtpTransport.builder()"
                + ".teamAddresses(...) return the team's address (not its from-address)");
    }

    private static TicketingException unresolved(String what, String recipient, String fix) {
        return new TicketingException(ErrorCode.MAIL_RECIPIENT_UNRESOLVED, "Not sending " + what + ": no address is "
                + "known for " + recipient + ". " + fix);
    }

    public static StorageUnavailableException serverUnreachable(String what, String server, Throwable cause) {
        return serverUnavailable(what, server, "cannot be reached", cause);
    }

    public static StorageUnavailableException serverRefusedForNow(String what, String server, int replyCode,
                                                                  String stage) {
        return serverUnavailable(what, server, "refused it for now at " + stage + " (reply " + replyCode + ")", null);
    }

    public static StorageUnavailableException serverSilent(String what, String server, Throwable cause) {
        return serverUnavailable(what, server, "did not answer or dropped the connection", cause);
    }

    public static StorageUnavailableException serverFailed(String what, String server, String exceptionClass) {
        return serverUnavailable(what, server, "failed (" + exceptionClass + ")", null);
    }

    private static StorageUnavailableException serverUnavailable(String what, String server, String reason,
                                                                 Throwable cause) {
        return new StorageUnavailableException(ErrorCode.MAIL_SERVER_UNAVAILABLE, "Sending " + what
                + " failed: the SMTP server " + server + " " + reason + ". Nothing was delivered; the outbox tries "
                + "again later", cause);
    }

    public static TicketingException rejected(String what, String server, int replyCode, String stage) {
        return new TicketingException(ErrorCode.MAIL_DELIVERY_REFUSED, "The SMTP server " + server + " refused " + what
                + " for good at " + stage + " (reply " + replyCode + "). It is not tried again with success: check "
                + "the recipient's address in the register, or the server's limits and policy");
    }

    public static TicketingException authenticationFailed(String what, String server) {
        return new TicketingException(ErrorCode.MAIL_AUTHENTICATION_FAILED, "Sending " + what + " failed: the SMTP "
                + "server " + server + " refused the configured credentials. Correct the user and password (or the "
                + "OAuth2 token supplier), then retry the outbox's dead deliveries with events().retryAllDead()");
    }

    public static TicketingException loopBraked(String what, String reason) {
        return new TicketingException(ErrorCode.MAIL_LOOP_BRAKED, "Not sending " + what + ": the loop brake holds "
                + "it back (" + reason + "). Ask again later, or by another channel");
    }

    public static String brakedTooMany(int max, Duration window) {
        return "the address already received " + max + " automatic mails in the last " + window;
    }

    public static String brakedOwnAddress() {
        return "the address is one of our own";
    }
}
