package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentAnswer;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.ConsentRequestTemplate;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentRequestMessage;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The consent-request flow (R8): a templated mail with a single-use reply token, and the answer
 * that records the consent with the wording that was sent. Every check runs before anything is
 * written; the token's single use rests on {@link ConsentRequestStore#answer}'s compare-and-set.
 * Not API.
 */
public final class ConsentRequests {
    /** 256 random bits: far beyond guessing, and 43 URL-safe characters. */
    private static final int TOKEN_BYTES = 32;

    private final ConsentRequestStore requests;
    private final ContactStore contacts;
    private final ConsentStore consents;
    private final CustomerRegister register;
    private final OutboundTransport transport;
    private final Transactions transactions;
    private final ConsentRequestTemplate template;
    private final Duration validity;
    private final String noticeUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ConsentRequests(ConsentRequestStore requests, ContactStore contacts, ConsentStore consents,
                           CustomerRegister register, OutboundTransport transport, Transactions transactions,
                           ConsentRequestTemplate template, Duration validity, String noticeUrl, Clock clock) {
        this.requests = Require.nonNull(requests, "consent request store");
        this.contacts = Require.nonNull(contacts, "contact store");
        this.consents = Require.nonNull(consents, "consent store");
        this.register = Require.nonNull(register, "customer register");
        this.transport = Require.nonNull(transport, "outbound transport");
        this.transactions = Require.nonNull(transactions, "transactions");
        this.template = Require.nonNull(template, "template");
        this.validity = Require.nonNull(validity, "validity");
        this.noticeUrl = Require.nonNull(noticeUrl, "privacy notice URL");
        this.clock = Require.nonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- request

    /** Asks a registered, active contact with an e-mail address. */
    public ConsentRequest request(ContactId contactId, PurposeId purpose, String text, String textVersion,
                                  Actor actor) {
        Contact contact = contacts.find(Require.nonNull(contactId, "contact id"))
                .orElseThrow(() -> PrivacyProblems.contactNotFound(contactId));
        return requestTo(contact, Optional.empty(), purpose, text, textVersion, actor);
    }

    private ConsentRequest requestTo(Contact contact, Optional<String> address, PurposeId purpose, String text,
                                     String textVersion, Actor actor) {
        ContactId contactId = contact.id();
        if (!contact.active()) {
            throw PrivacyProblems.requestToInactiveContact(contactId);
        }
        if (contact.emails().isEmpty()) {
            throw PrivacyProblems.requestToContactWithoutEmail(contactId);
        }
        return send(Optional.of(contact), address.orElse(contact.emails().get(0)), purpose, text, textVersion, actor);
    }

    /**
     * Asks whoever reads {@code email}: the registered contact with that address if there is one,
     * else a person not in the register yet (a given answer registers them).
     */
    public ConsentRequest request(String email, PurposeId purpose, String text, String textVersion, Actor actor) {
        String address = validEmail(Require.notBlank(email, "e-mail address"), PrivacyProblems::requestAddressMalformed);
        Optional<Contact> known = contacts.findByEmail(address);
        if (known.isPresent()) {
            return requestTo(known.get(), Optional.of(address), purpose, text, textVersion, actor);
        }
        return send(Optional.empty(), address, purpose, text, textVersion, actor);
    }

    private ConsentRequest send(Optional<Contact> contact, String email, PurposeId purpose, String text,
                                String textVersion, Actor actor) {
        Require.nonNull(actor, "actor");
        ConsentPurpose registered = register.requirePurpose(purpose);
        Require.notBlank(text, "consent text");
        Require.notBlank(textVersion, "consent text version");
        Instant now = clock.instant();
        String token = newToken();
        ConsentRequest request = ConsentRequest.pending(ConsentRequestId.random(), contact.map(Contact::id), email,
                purpose, text, textVersion, actor, now, now.plus(validity), digest(token));
        Map<String, String> values = Map.of(
                "name", contact.map(Contact::name).orElse(""),
                "purpose", registered.description(),
                "purposeId", purpose.value(),
                "consentText", request.text(),
                "consentVersion", request.textVersion(),
                "token", token,
                "expiresAt", request.expiresAt().toString(),
                "privacyNoticeUrl", noticeUrl);
        ConsentRequestMessage message = new ConsentRequestMessage(request.id(), purpose, email,
                template.subjectWith(values), template.bodyWith(values), token,
                contact.map(Contact::language).orElse(Language.FI));
        transactions.inTransaction(() -> {
            requests.save(request);
            return null;
        });
        try {
            transport.send(message);
        } catch (RuntimeException e) {
            // a token nobody received must not stay answerable, and the caller must know to retry
            transactions.inTransaction(() -> requests.delete(request.id()));
            if (e instanceof TicketingException t && t.code() == ErrorCode.CONSENT_REQUESTS_UNSUPPORTED) {
                throw t;
            }
            throw PrivacyProblems.requestNotSent(request.id(), e);
        }
        return request;
    }

    // ---------------------------------------------------------------- answer

    /** Records the answer carried with {@code token}; see {@code Privacy.answerConsentRequest}. */
    public ConsentRequest answer(String token, ConsentAnswer answer) {
        Require.notBlank(token, "reply token");
        Require.nonNull(answer, "answer");
        return transactions.inTransaction(() -> answerInTransaction(token.strip(), answer));
    }

    private ConsentRequest answerInTransaction(String token, ConsentAnswer answer) {
        Instant now = clock.instant();
        ConsentRequest request = requests.findByTokenDigest(digest(token)).orElseThrow(PrivacyProblems::tokenNotFound);
        if (!request.pending()) {
            throw PrivacyProblems.requestAnswered(request.id(), request.status(), request.answeredAt().orElseThrow());
        }
        if (request.expiredAt(now)) {
            throw PrivacyProblems.requestExpired(request.id(), request.expiresAt());
        }
        if (!answer.given()) {
            // a refusal keeps no contact details: there is no basis to store them
            ConsentRequest refused = request.answered(ConsentRequest.Status.REFUSED, now, answer.evidence(),
                    Optional.empty(), Optional.empty());
            casOrFail(refused);
            return refused;
        }
        register.requirePurpose(request.purpose());
        Contact person = updatedContact(request, answer);
        Consent consent = Consent.given(person.id(), request.purpose(), LegalBasis.CONSENT, request.text(),
                request.textVersion(), answer.channel(), now, Optional.of(answer.evidence()));
        ConsentRequest given = request.answered(ConsentRequest.Status.GIVEN, now, answer.evidence(),
                Optional.of(person.id()), Optional.of(consent.id()));
        casOrFail(given);
        contacts.save(person);
        consents.save(consent);
        return given;
    }

    private void casOrFail(ConsentRequest answered) {
        if (!requests.answer(answered)) {
            throw PrivacyProblems.requestAnsweredMeanwhile(answered.id());
        }
    }

    /** The person as the answer leaves them: the registered contact updated, or a new one. */
    private Contact updatedContact(ConsentRequest request, ConsentAnswer answer) {
        Optional<Contact> existing = request.contact().map(id -> contacts.find(id).orElseThrow(() ->
                PrivacyProblems.contactNotFound(id)));
        if (existing.isEmpty()) {
            existing = contacts.findByEmail(request.email()); // registered meanwhile: no duplicate person
        }
        Optional<String> email = answer.email().map(e -> validEmail(e, PrivacyProblems::answerAddressMalformed));
        if (existing.isPresent()) {
            Contact c = existing.get();
            if (!c.active()) {
                throw PrivacyProblems.inactiveContactAnswered(c.id(), request.id());
            }
            try {
                Contact updated = answer.name().map(n -> new Contact(c.id(), n, c.emails(), c.phones(), c.language(),
                        c.assurance(), c.active(), c.substitute())).orElse(c);
                updated = email.map(updated::withAddedEmail).orElse(updated);
                return answer.phone().filter(p -> !c.phones().contains(p)).map(updated::withPhone).orElse(updated);
            } catch (TicketingException e) {
                throw invalidDetails(request, e);
            }
        }
        String name = answer.name().orElseThrow(() -> PrivacyProblems.answerWithoutName(request.id()));
        List<String> emails = new ArrayList<>(List.of(request.email()));
        email.ifPresent(emails::add);
        try {
            return new Contact(ContactId.random(), name, emails, answer.phone().map(List::of).orElse(List.of()),
                    AssuranceLevel.LOW, true); // they showed control of the address the request went to
        } catch (TicketingException e) {
            throw invalidDetails(request, e);
        }
    }

    private static TicketingException invalidDetails(ConsentRequest request, TicketingException e) {
        return PrivacyProblems.answerDetailsInvalid(request.id(), e);
    }

    private static String validEmail(String email, Supplier<TicketingException> malformed) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (at < 1 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            throw malformed.get();
        }
        return e;
    }

    // ---------------------------------------------------------------- tokens

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token: what the store keeps and looks up by. */
    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
