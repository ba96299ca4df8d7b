package dev.tiketti.benchmarks;

import java.time.Duration;
import java.time.Instant;

/** Computes a due instant: {@code target} of business time after {@code start}. */
@FunctionalInterface
public interface DueCalculator {
    Instant due(Instant start, Duration target);
}
