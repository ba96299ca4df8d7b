package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.Register;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link Register} area: the register's rules run in a unit of work each. Not API. */
public final class RegisterService implements Register {
    private final CustomerRegister register;
    private final OrganizationStore organizations;
    private final TrackedTransactions transactions;
    private final SearchSync search;
    private final TicketStore tickets;
    private final Dispatcher dispatcher;

    public RegisterService(CustomerRegister register, OrganizationStore organizations,
                           TrackedTransactions transactions, SearchSync search, TicketStore tickets,
                           Dispatcher dispatcher) {
        this.register = register;
        this.organizations = organizations;
        this.transactions = transactions;
        this.search = search;
        this.tickets = tickets;
        this.dispatcher = dispatcher;
    }

    @Override
    public Contact save(Contact contact) {
        List<Ticket> theirs = new ArrayList<>();
        Contact saved = transactions.inTransaction(() -> {
            Contact stored = register.saveContact(contact);
            // their addresses are in their tickets' search documents: this node's, and with a log every node's
            if (dispatcher.logsChanges() || search.index().isPresent()) {
                theirs.addAll(tickets.query(TicketQuery.all().requester(stored.id()).limit(Integer.MAX_VALUE)));
                dispatcher.logChanges(theirs.stream().map(Ticket::id).toList(), LoggedChange.Kind.CHANGED);
            }
            return stored;
        });
        search.refreshAll(theirs);
        return saved;
    }

    @Override
    public Organization save(Organization organization) {
        return transactions.inTransaction(() -> register.saveOrganization(organization));
    }

    @Override
    public Membership save(Membership membership) {
        return transactions.inTransaction(() -> register.saveMembership(membership));
    }

    @Override
    public Optional<Organization> organization(OrganizationId id) {
        return organizations.find(Require.nonNull(id, "organization id"));
    }

    @Override
    public List<Membership> memberships(ContactId contact) {
        return organizations.membershipsOf(Require.nonNull(contact, "contact id"));
    }

    @Override
    public Optional<ContactId> substituteFor(ContactId contact) {
        return register.substituteFor(contact);
    }
}
