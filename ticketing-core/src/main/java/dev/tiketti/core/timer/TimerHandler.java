package dev.tiketti.core.timer;

import dev.tiketti.core.sla.ClaimedTimer;
/**
 * Performs the effect of one kind of timer (send a reminder, mark a breach, escalate) when a
 * {@link TimerService} fires it.
 *
 * <p>Obligations: the effect must be idempotent per {@code (timer.id(), timer.due())} — after a
 * crash or an expired lease the same pair can be handed out again. Where the host's
 * {@link dev.tiketti.core.spi.Transactions} and the timer store share a transaction, the effect and
 * the completion of the claim commit together, so a re-delivery only happens if nothing was
 * committed. Throwing an exception means "not done": the claim is released and the timer is tried
 * again after a back-off.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TimerHandler {

    void fire(ClaimedTimer timer);
}
