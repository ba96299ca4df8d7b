package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Access;
import dev.tiketti.core.privacy.AccessExport;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Access} area: every read of personal data names an actor and a registered purpose and
 * is appended to the audit log before the data is returned. Not API.
 */
public final class AccessService implements Access {
    private final ContactStore contacts;
    private final ConsentStore consents;
    private final ConsentRequestStore requests;
    private final OrganizationStore organizations;
    private final TicketStore tickets;
    private final AuditLog audit;
    private final Clock clock;

    public AccessService(ContactStore contacts, ConsentStore consents, ConsentRequestStore requests,
                         OrganizationStore organizations, TicketStore tickets, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.consents = consents;
        this.requests = requests;
        this.organizations = organizations;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Contact readContact(ContactId contact, Actor actor, PurposeId purpose) {
        Contact found = registered(contact);
        audit(contact, actor, purpose, List.of("contact"));
        return found;
    }

    @Override
    public Optional<Contact> findContact(ContactId contact, Actor actor, PurposeId purpose) {
        Optional<Contact> found = contacts.find(Require.nonNull(contact, "contact id"));
        requireAuditable(actor, purpose);
        found.ifPresent(c -> audit(c.id(), actor, purpose, List.of("contact")));
        return found;
    }

    @Override
    public Optional<Contact> findContactByEmail(String email, Actor actor, PurposeId purpose) {
        Optional<Contact> found = contacts.findByEmail(Require.notBlank(email, "e-mail address"));
        requireAuditable(actor, purpose);
        found.ifPresent(c -> audit(c.id(), actor, purpose, List.of("contact")));
        return found;
    }

    @Override
    public List<Consent> consents(ContactId contact, Actor actor, PurposeId purpose) {
        registered(contact);
        audit(contact, actor, purpose, List.of("consents"));
        return consents.forContact(contact);
    }

    @Override
    public Optional<ConsentRequest> consentRequest(ConsentRequestId id, Actor actor, PurposeId purpose) {
        Optional<ConsentRequest> found = requests.find(Require.nonNull(id, "consent request id"));
        requireAuditable(actor, purpose);
        found.flatMap(ConsentRequest::contact).ifPresent(c -> audit(c, actor, purpose, List.of("consent-requests")));
        return found;
    }

    @Override
    public List<ConsentRequest> consentRequests(ContactId contact, Actor actor, PurposeId purpose) {
        registered(contact);
        audit(contact, actor, purpose, List.of("consent-requests"));
        return requests.forContact(contact);
    }

    @Override
    public List<AccessRecord> accessesTo(ContactId contact) {
        return audit.forContact(Require.nonNull(contact, "contact id"));
    }

    @Override
    public AccessExport export(ContactId contact, Actor actor, PurposeId purpose) {
        Contact person = registered(contact);
        audit(contact, actor, purpose, List.of("access-export"));
        List<Ticket> own = tickets.query(TicketQuery.all().requester(contact).limit(Integer.MAX_VALUE));
        List<TimelineEntry> messages = new ArrayList<>();
        Actor self = Actor.contact(contact);
        for (Ticket t : tickets.query(TicketQuery.all().limit(Integer.MAX_VALUE))) {
            boolean mine = t.requester().equals(contact);
            for (TimelineEntry e : tickets.timeline(t.id())) {
                if (e.author().equals(self) || (mine && e.visibility() == Visibility.PUBLIC)) {
                    messages.add(e);
                }
            }
        }
        Set<AttachmentRef> attachments = new LinkedHashSet<>();
        messages.forEach(e -> attachments.addAll(e.attachments()));
        return new AccessExport(clock.instant(), person, organizations.membershipsOf(contact),
                consents.forContact(contact), own, messages, List.copyOf(attachments), accessesTo(contact));
    }

    private Contact registered(ContactId contact) {
        return contacts.find(Require.nonNull(contact, "contact id")).orElseThrow(() -> PrivacyProblems.contactNotFound(contact));
    }

    private void audit(ContactId contact, Actor actor, PurposeId purpose, List<String> read) {
        requireAuditable(actor, purpose);
        audit.append(new AccessRecord(clock.instant(), actor, contact, purpose, read));
    }

    private void requireAuditable(Actor actor, PurposeId purpose) {
        Require.nonNull(actor, "actor");
        Require.nonNull(purpose, "purpose");
        if (consents.findPurpose(purpose).isEmpty()) {
            throw PrivacyProblems.unknownPurposeOfRead(purpose,
                    consents.purposes().stream().map(p -> p.id().value()).sorted().toList());
        }
    }
}
