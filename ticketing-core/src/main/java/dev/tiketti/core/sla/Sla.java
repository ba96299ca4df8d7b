package dev.tiketti.core.sla;

import dev.tiketti.core.common.TicketId;

/**
 * Service levels of tickets, from {@code Ticketing.sla()}: each ticket's SLA clocks and the policy
 * that applies to it, recomputed from its stored history. The timers that fire warnings and
 * breaches are {@code Ticketing.timers()}. Thread-safe.
 *
 * @since 0.1
 */
public interface Sla {

    /**
     * The ticket's SLA clocks now, under the policy that applies to it today — the live source of
     * truth; fails with {@code SLA_NOT_CONFIGURED} without SLA policies.
     */
    SlaClocks clocks(TicketId id);

    /**
     * The policy that applies to the ticket now (rules over type, classification, priority and
     * organisation); fails with {@code SLA_NOT_CONFIGURED} without SLA policies.
     */
    SlaPolicy policy(TicketId id);
}
