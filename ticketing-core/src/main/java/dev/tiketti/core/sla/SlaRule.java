package dev.tiketti.core.sla;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * One rule of {@link SlaPolicies}: if a ticket matches every condition the rule sets, it gets the
 * named policy. Rules are tried in order; the first match wins. Build one fluently:
 * {@code SlaRule.use("urgent").whenType("HR").whenPriority(Priority.URGENT)}.
 *
 * @param policy         the policy chosen when the rule matches
 * @param ticketType     the ticket type id it requires, if any
 * @param classification a classification prefix it requires (the ticket's classification equals or lies beneath it), if any
 * @param priority       the priority it requires, if any
 * @param organization   the requester's organisation it requires, if any
 * @since 0.1
 */
public record SlaRule(String policy, Optional<String> ticketType, Optional<Classification> classification,
                      Optional<Priority> priority, Optional<OrganizationId> organization) {
    /** Rejects nulls and blank names. */
    public SlaRule {
        Require.notBlank(policy, "policy");
        Require.nonNull(ticketType, "ticketType");
        Require.nonNull(classification, "classification");
        Require.nonNull(priority, "priority");
        Require.nonNull(organization, "organization");
        ticketType.ifPresent(t -> Require.notBlank(t, "ticketType"));
    }

    /** A rule that matches every ticket and chooses {@code policy}; narrow it with the {@code when...} methods. */
    public static SlaRule use(String policy) {
        return new SlaRule(policy, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same rule, also requiring the ticket type {@code type}. */
    public SlaRule whenType(String type) {
        return new SlaRule(policy, Optional.of(type), classification, priority, organization);
    }

    /** The same rule, also requiring a classification equal to or beneath {@code path}, e.g. {@code Palkka}. */
    public SlaRule whenClassifiedUnder(String path) {
        return new SlaRule(policy, ticketType, Optional.of(Classification.of(path)), priority, organization);
    }

    /** The same rule, also requiring priority {@code p}. */
    public SlaRule whenPriority(Priority p) {
        return new SlaRule(policy, ticketType, classification, Optional.of(Require.nonNull(p, "priority")), organization);
    }

    /** The same rule, also requiring a requester from organisation {@code org}. */
    public SlaRule whenOrganization(OrganizationId org) {
        return new SlaRule(policy, ticketType, classification, priority, Optional.of(Require.nonNull(org, "organization")));
    }

    /** Whether the subject meets every condition this rule sets. */
    public boolean matches(SlaSubject s) {
        Require.nonNull(s, "subject");
        return ticketType.map(t -> t.equals(s.ticketType())).orElse(true)
                && classification.map(c -> s.classification().map(sc -> sc.startsWith(c)).orElse(false)).orElse(true)
                && priority.map(p -> p == s.priority()).orElse(true)
                && organization.map(o -> s.organization().map(o::equals).orElse(false)).orElse(true);
    }
}
