package dev.tiketti.mail.internal;

import dev.tiketti.mail.LoopBrakeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holds back mail that could feed a loop with an autoresponder, whatever the mail's classification:
 * every mail to one of our own addresses, and automatic mail to an address that already received
 * {@code max} automatic mails within {@code window}. A person's reply counts for nothing and is
 * never held back (but to our own address). Not API.
 */
public final class LoopBrake {
    private final int max;
    private final Duration window;
    private final LoopBrakeStore store;
    private final Set<String> own;
    private final LongAdder braked = new LongAdder();
    private Instant purged = Instant.MIN;

    /** {@code own} holds normalised addresses. */
    public LoopBrake(int max, Duration window, LoopBrakeStore store, Set<String> own) {
        this.max = max;
        this.window = window;
        this.store = store;
        this.own = Set.copyOf(own);
    }

    /** Why a mail to {@code address} must not go, if it must not; counts it as braked then. */
    public synchronized Optional<String> hold(String address, boolean automatic, Instant now) {
        String a = OutboundAddresses.normalised(address);
        Optional<String> reason = own.contains(a) ? Optional.of(SmtpProblems.brakedOwnAddress())
                : automatic && store.count(a, now.minus(window)) >= max
                ? Optional.of(SmtpProblems.brakedTooMany(max, window)) : Optional.empty();
        if (reason.isPresent()) {
            braked.increment();
        }
        return reason;
    }

    /**
     * Counts an automatic mail sent to {@code address}; about once a window, forgets the records
     * older than the window (retention: they decide nothing any more, and they name people).
     */
    public synchronized void sent(String address, boolean automatic, Instant now) {
        if (automatic) {
            store.record(OutboundAddresses.normalised(address), now);
        }
        if (purged.isBefore(now.minus(window))) {
            store.purgeBefore(now.minus(window));
            purged = now;
        }
    }

    /** How many mails were held back since start. */
    public long braked() {
        return braked.sum();
    }
}
