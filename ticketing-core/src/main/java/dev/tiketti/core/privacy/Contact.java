package dev.tiketti.core.privacy;

import dev.tiketti.core.ContactId;
import dev.tiketti.core.internal.Require;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A person in the customer register who raises matters: the requester of tickets.
 * Personal data lives here, once, rather than being copied into every ticket.
 *
 * @since 0.1
 */
public record Contact(ContactId id, String name, List<String> emails, List<String> phones,
                      AssuranceLevel assurance, boolean active) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Require.notBlank(name, "contact name");
        emails = Objects.requireNonNull(emails, "emails").stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
        phones = List.copyOf(Objects.requireNonNull(phones, "phones"));
        Objects.requireNonNull(assurance, "assurance");
    }

    /** A new active contact with one e-mail address. */
    public static Contact withEmail(String name, String email, AssuranceLevel assurance) {
        return new Contact(ContactId.random(), name, List.of(email), List.of(), assurance, true);
    }

    public Contact withAssurance(AssuranceLevel level) {
        return new Contact(id, name, emails, phones, level, active);
    }

    public Contact withPhone(String phone) {
        var more = new java.util.ArrayList<>(phones);
        more.add(phone);
        return new Contact(id, name, emails, more, assurance, active);
    }
}
