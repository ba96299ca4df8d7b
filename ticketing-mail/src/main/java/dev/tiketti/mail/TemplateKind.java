package dev.tiketti.mail;

import dev.tiketti.core.spi.OutboundMessage;
import java.util.Set;

/**
 * The kinds of mail the SMTP transport writes from a {@link MailTemplate}, one template per kind and
 * language; each kind knows which placeholders its template may and must use.
 *
 * <p>Placeholders, filled in one pass (a value is inserted literally, never expanded again):
 * {@code {key}} the ticket key (empty for a consent request), {@code {subject}} the subject core
 * wrote, {@code {body}} the text core or the handler wrote, {@code {privacyNoticeUrl}} the privacy
 * notice (R8), and for {@link #REDIRECT} {@code {writeTo}}, where to write instead.
 *
 * @since 0.1
 */
public enum TemplateKind {
    /** A handler's public reply: the text as written, and a footer. */
    REPLY(Set.of("body", "privacyNoticeUrl"), true),
    /** "We got your message": names the ticket key. */
    ACKNOWLEDGEMENT(Set.of("key", "privacyNoticeUrl"), true),
    /** A workflow notification to the requester, the assignee or the team. */
    NOTICE(Set.of("body", "privacyNoticeUrl"), true),
    /** An SLA reminder to the team. */
    REMINDER(Set.of("body"), false),
    /** An SLA escalation to the team lead or the team. */
    ESCALATION(Set.of("body"), false),
    /** "This is not ours, write to … instead" (R6). */
    REDIRECT(Set.of("writeTo", "privacyNoticeUrl"), true),
    /** A request for contact details and consent (R8): core's text, and a footer. */
    CONSENT_REQUEST(Set.of("body", "privacyNoticeUrl"), true);

    /** Every placeholder a template may use; {@code writeTo} only in {@link #REDIRECT}. */
    public static final Set<String> PLACEHOLDERS = Set.of("key", "subject", "body", "privacyNoticeUrl", "writeTo");

    private final Set<String> required;
    private final boolean customerFacing;

    TemplateKind(Set<String> required, boolean customerFacing) {
        this.required = required;
        this.customerFacing = customerFacing;
    }

    /** The placeholders this kind's template must contain (in its subject or body). */
    public Set<String> required() {
        return required;
    }

    /** The placeholders this kind's template may contain. */
    public Set<String> allowed() {
        return this == REDIRECT ? PLACEHOLDERS : Set.of("key", "subject", "body", "privacyNoticeUrl");
    }

    /** Whether the mail goes to customers, and so must link the privacy notice (R8). */
    public boolean customerFacing() {
        return customerFacing;
    }

    /** The template kind of a message core hands the transport. */
    public static TemplateKind of(OutboundMessage.Kind kind) {
        return switch (kind) {
            case REPLY -> REPLY;
            case ACKNOWLEDGEMENT -> ACKNOWLEDGEMENT;
            case NOTICE -> NOTICE;
            case REMINDER -> REMINDER;
            case ESCALATION -> ESCALATION;
            case REDIRECT -> REDIRECT;
        };
    }
}
