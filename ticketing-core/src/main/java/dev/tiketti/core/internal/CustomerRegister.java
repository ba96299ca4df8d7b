package dev.tiketti.core.internal;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.OrganizationStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the customer register and consent over the three stores: referential checks, no
 * consent for an unregistered purpose, no processing on a withdrawn consent. Every check runs
 * before anything is written, so bad input changes nothing. The {@code Ticketing} facade will
 * delegate here; not API.
 */
public final class CustomerRegister {
    private final ContactStore contacts;
    private final OrganizationStore organizations;
    private final ConsentStore consents;
    private final Clock clock;

    public CustomerRegister(ContactStore contacts, OrganizationStore organizations, ConsentStore consents, Clock clock) {
        this.contacts = Require.nonNull(contacts, "contact store");
        this.organizations = Require.nonNull(organizations, "organization store");
        this.consents = Require.nonNull(consents, "consent store");
        this.clock = Require.nonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- register

    /** Saves a contact whose substitute, if any, is a registered, active contact. */
    public Contact saveContact(Contact contact) {
        Require.nonNull(contact, "contact");
        contact.substitute().ifPresent(s -> requireUsableSubstitute(s, contact.id()));
        contacts.save(contact);
        return contact;
    }

    public Organization saveOrganization(Organization organization) {
        Require.nonNull(organization, "organization");
        organization.defaultSubstitute().ifPresent(s -> requireUsableSubstitute(s, organization.id()));
        organizations.save(organization);
        return organization;
    }

    /** Saves a membership of a registered contact in a saved organisation. */
    public Membership saveMembership(Membership membership) {
        Require.nonNull(membership, "membership");
        requireContact(membership.contact());
        requireOrganization(membership.organization());
        organizations.saveMembership(membership);
        return membership;
    }

    /**
     * Who takes over the contact's open tickets: their own substitute, else the default of the first
     * of their organisations that has one; only active contacts other than the person qualify.
     */
    public Optional<ContactId> substituteFor(ContactId contactId) {
        Contact contact = requireContact(contactId);
        if (contact.substitute().isPresent() && usable(contact.substitute().get(), contactId)) {
            return contact.substitute();
        }
        return organizations.membershipsOf(contactId).stream()
                .map(m -> organizations.find(m.organization()))
                .flatMap(Optional::stream)
                .map(Organization::defaultSubstitute)
                .flatMap(Optional::stream)
                .filter(s -> usable(s, contactId))
                .findFirst();
    }

    private boolean usable(ContactId substitute, ContactId person) {
        return !substitute.equals(person) && contacts.find(substitute).map(Contact::active).orElse(false);
    }

    /** {@code owner} is the {@link ContactId} or {@link OrganizationId} that names the substitute. */
    private void requireUsableSubstitute(ContactId substitute, Object owner) {
        Optional<Contact> found = contacts.find(substitute);
        if (found.isEmpty()) {
            throw PrivacyProblems.substituteNotRegistered(owner, substitute);
        }
        if (!found.get().active()) {
            throw PrivacyProblems.substituteInactive(owner, substitute);
        }
    }

    private Contact requireContact(ContactId id) {
        return contacts.find(Require.nonNull(id, "contact id")).orElseThrow(() -> PrivacyProblems.contactNotFound(id));
    }

    private Organization requireOrganization(OrganizationId id) {
        return organizations.find(Require.nonNull(id, "organization id"))
                .orElseThrow(() -> PrivacyProblems.organizationNotFound(id));
    }

    // ---------------------------------------------------------------- consent

    public ConsentPurpose registerPurpose(ConsentPurpose purpose) {
        consents.savePurpose(Require.nonNull(purpose, "purpose"));
        return purpose;
    }

    /** Records a legal basis for a registered contact and a registered purpose, timed by the clock. */
    public Consent record(ContactId contact, PurposeId purpose, LegalBasis basis, String text, String textVersion,
                          Channel channel, Optional<String> evidence) {
        requireContact(contact);
        requirePurpose(purpose);
        Consent consent = Consent.given(contact, purpose, basis, text, textVersion, channel, clock.instant(), evidence);
        consents.save(consent);
        return consent;
    }

    /** Withdraws a consent now; withdrawing again keeps the first time and changes nothing. */
    public Consent withdraw(ConsentId id) {
        Consent current = requireConsent(id);
        Consent withdrawn = current.withdrawn(clock.instant());
        if (withdrawn != current) {
            consents.save(withdrawn);
        }
        return withdrawn;
    }

    /** The given record as a basis for processing: it must exist and not be withdrawn. */
    public Consent useAsBasis(ConsentId id) {
        Consent consent = requireConsent(id);
        if (!consent.inEffect()) {
            throw PrivacyProblems.consentWithdrawn(id, consent.contact(), consent.purpose(),
                    consent.withdrawnAt().orElseThrow());
        }
        return consent;
    }

    /**
     * A record in effect that allows processing the contact's data for the purpose, the newest if
     * several; fails if there is none, saying whether one was withdrawn.
     */
    public Consent requireBasis(ContactId contact, PurposeId purpose) {
        requirePurpose(purpose);
        List<Consent> records = consents.forContact(Require.nonNull(contact, "contact id")).stream()
                .filter(c -> c.purpose().equals(purpose)).toList();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).inEffect()) {
                return records.get(i);
            }
        }
        if (!records.isEmpty()) {
            throw PrivacyProblems.everyConsentWithdrawn(contact, purpose);
        }
        throw PrivacyProblems.noLegalBasis(contact, purpose);
    }

    /** The registered purpose, or UNKNOWN_CONSENT_PURPOSE listing the registered ones. */
    public ConsentPurpose requirePurpose(PurposeId purpose) {
        return consents.findPurpose(Require.nonNull(purpose, "purpose")).orElseThrow(() -> PrivacyProblems
                .unknownPurpose(purpose, consents.purposes().stream().map(p -> p.id().value()).sorted().toList()));
    }

    private Consent requireConsent(ConsentId id) {
        return consents.find(Require.nonNull(id, "consent id")).orElseThrow(() -> PrivacyProblems.consentNotFound(id));
    }
}
