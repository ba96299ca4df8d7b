/** Business calendars, SLA policies, clocks and timers. */
@org.jspecify.annotations.NullMarked
package dev.tiketti.core.sla;
