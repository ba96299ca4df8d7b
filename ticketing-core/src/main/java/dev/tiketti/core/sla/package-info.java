/**
 * Service-level time: business calendars (weekly working intervals, Finnish public holidays,
 * closures, time zone), the business-time arithmetic that SLA targets are counted in, SLA
 * policies, SLA clocks derived from a ticket's history ({@link dev.tiketti.core.sla.SlaClocks}),
 * and the values of durable timers that fire exactly once across nodes.
 */
@org.jspecify.annotations.NullMarked
package dev.tiketti.core.sla;
