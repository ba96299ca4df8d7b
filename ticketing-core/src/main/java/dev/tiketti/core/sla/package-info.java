/**
 * Service-level time: business calendars (weekly working intervals, Finnish public holidays,
 * closures, time zone) and business-time arithmetic that SLA targets are counted in; SLA policies;
 * SLA clocks derived from a ticket's history ({@link dev.tiketti.core.sla.SlaClocks}).
 */
@org.jspecify.annotations.NullMarked
package dev.tiketti.core.sla;
