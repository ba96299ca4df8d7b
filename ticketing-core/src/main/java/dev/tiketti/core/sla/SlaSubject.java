package dev.tiketti.core.sla;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * What {@link SlaPolicies#policyFor} looks at to choose a ticket's policy.
 *
 * @param ticketType     the ticket type's id
 * @param classification the ticket's classification, if classified
 * @param priority       the ticket's priority
 * @param organization   the requester's organisation, if known
 * @since 0.1
 */
public record SlaSubject(String ticketType, Optional<Classification> classification, Priority priority,
                         Optional<OrganizationId> organization) {
    /** Rejects nulls. */
    public SlaSubject {
        Require.notBlank(ticketType, "ticketType");
        Require.nonNull(classification, "classification");
        Require.nonNull(priority, "priority");
        Require.nonNull(organization, "organization");
    }

    /** A subject with no classification and no organisation. */
    public static SlaSubject of(String ticketType, Priority priority) {
        return new SlaSubject(ticketType, Optional.empty(), priority, Optional.empty());
    }

    /** The same subject classified as {@code path}. */
    public SlaSubject classifiedAs(String path) {
        return new SlaSubject(ticketType, Optional.of(Classification.of(path)), priority, organization);
    }

    /** The same subject for a requester from {@code org}. */
    public SlaSubject from(OrganizationId org) {
        return new SlaSubject(ticketType, classification, priority, Optional.of(Require.nonNull(org, "org")));
    }
}
