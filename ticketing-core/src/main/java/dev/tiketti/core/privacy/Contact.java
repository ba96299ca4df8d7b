package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person in the customer register who raises matters: the requester of tickets.
 * Personal data lives here, once, rather than being copied into every ticket.
 *
 * <p>E-mail addresses are kept stripped and lower-case, without duplicates; phone numbers stripped,
 * without duplicates. {@code substitute} is the contact who takes over this person's open tickets
 * when they are deactivated or erased (R8); it can never be the contact itself.
 *
 * @since 0.1
 */
public record Contact(ContactId id, String name, List<String> emails, List<String> phones, Language language,
                      AssuranceLevel assurance, boolean active, Optional<ContactId> substitute) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Require.notBlank(name, "contact name");
        name = name.strip();
        emails = Objects.requireNonNull(emails, "emails").stream()
                .map(e -> Require.notBlank(e, "e-mail address of contact " + id).strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        for (String email : emails) {
            int at = email.indexOf('@');
            if (at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
                throw PrivacyMessages.malformedEmail(id);
            }
        }
        phones = Objects.requireNonNull(phones, "phones").stream()
                .map(p -> Require.notBlank(p, "phone number of contact " + id).strip()).distinct().toList();
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(substitute, "substitute");
        if (substitute.isPresent() && substitute.get().equals(id)) {
            throw PrivacyMessages.ownSubstitute(id);
        }
    }

    /** The original shape of a contact: Finnish-speaking, no substitute. */
    public Contact(ContactId id, String name, List<String> emails, List<String> phones, AssuranceLevel assurance,
                   boolean active) {
        this(id, name, emails, phones, Language.FI, assurance, active, Optional.empty());
    }

    /** A new active, Finnish-speaking contact with one e-mail address. */
    public static Contact withEmail(String name, String email, AssuranceLevel assurance) {
        return new Contact(ContactId.random(), name, List.of(email), List.of(), assurance, true);
    }

    public Contact withAssurance(AssuranceLevel level) {
        return new Contact(id, name, emails, phones, language, level, active, substitute);
    }

    public Contact withPhone(String phone) {
        List<String> more = new ArrayList<>(phones);
        more.add(phone);
        return new Contact(id, name, emails, more, language, assurance, active, substitute);
    }

    /** This contact with one more e-mail address (ignored if already known). */
    public Contact withAddedEmail(String email) {
        List<String> more = new ArrayList<>(emails);
        more.add(email);
        return new Contact(id, name, more, phones, language, assurance, active, substitute);
    }

    public Contact withLanguage(Language preferred) {
        return new Contact(id, name, emails, phones, preferred, assurance, active, substitute);
    }

    /** This contact with a substitute who takes over their open tickets. */
    public Contact withSubstitute(ContactId other) {
        return new Contact(id, name, emails, phones, language, assurance, active, Optional.of(other));
    }

    public Contact withoutSubstitute() {
        return new Contact(id, name, emails, phones, language, assurance, active, Optional.empty());
    }

    /** This contact marked inactive: kept in the register, no new matters, no contact made. */
    public Contact deactivated() {
        return new Contact(id, name, emails, phones, language, assurance, false, substitute);
    }

    /** Whether {@code email} (any case, surrounding blanks ignored) is one of this contact's addresses. */
    public boolean hasEmail(String email) {
        return emails.contains(Require.nonNull(email, "e-mail address").strip().toLowerCase(Locale.ROOT));
    }

    /** Never the personal data: only the id, for logs and messages. */
    @Override
    public String toString() {
        return "Contact[" + id + (active ? "" : ", inactive") + "]";
    }
}
