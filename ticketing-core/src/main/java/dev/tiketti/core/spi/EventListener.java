package dev.tiketti.core.spi;

import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;

/**
 * Host code that reacts to domain events, called after the change has committed, in order,
 * on the thread that made the change. A listener that throws does not undo the change; the
 * failure is logged and the remaining listeners still run.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventListener {

    void on(TicketEvent event);

    /**
     * A data-protection event ({@code ContactErased}, {@code RetentionSweepCompleted}): purge copies of
     * erased data. Ignored unless overridden, so existing listeners keep compiling.
     */
    default void onPrivacy(PrivacyEvent event) {
    }
}
