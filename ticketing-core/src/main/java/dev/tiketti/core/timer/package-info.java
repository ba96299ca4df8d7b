/**
 * Runs durable timers: {@link dev.tiketti.core.timer.TimerService} claims due timers from a
 * {@link dev.tiketti.core.spi.TimerStore} with a lease and hands each to its
 * {@link dev.tiketti.core.timer.TimerHandler} exactly once. Kept apart from
 * {@code dev.tiketti.core.sla} (which holds the timer values the SPI speaks in) so that the SPI
 * package and the API packages do not depend on each other in a cycle.
 */
@org.jspecify.annotations.NullMarked
package dev.tiketti.core.timer;
