package dev.tiketti.testkit.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A settable clock private to the contracts, so that a contract needs no other testkit class. */
final class ContractClock extends Clock {
    private final AtomicReference<Instant> now;

    ContractClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the contract clock runs in UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
