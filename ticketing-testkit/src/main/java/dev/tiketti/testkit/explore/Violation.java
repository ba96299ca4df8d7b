package dev.tiketti.testkit.explore;

import java.util.List;
import java.util.Objects;

/**
 * A counterexample: which check failed, how, and the path that shows it, from a ticket just
 * opened in the workflow's initial state. The explorer reports a shortest such path.
 *
 * @param check   the check's description
 * @param message what is wrong
 * @param start   the ticket the path starts from
 * @param path    the steps, the last one showing the problem (empty if the start shows it)
 * @param detail  further lines, e.g. what was tried where a ticket got stuck
 * @since 0.1
 */
public record Violation(String check, String message, Facts start, List<Step> path, List<String> detail) {
    public Violation {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(start, "start");
        path = List.copyOf(path);
        detail = List.copyOf(detail);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[").append(check).append("] ").append(message).append('\n');
        s.append("  path of ").append(path.size()).append(path.size() == 1 ? " step" : " steps")
                .append(" from a ticket opened in ").append(start).append(path.isEmpty() ? "" : ":").append('\n');
        for (Step step : path) {
            s.append("    ").append(step).append('\n');
        }
        for (String line : detail) {
            s.append("  ").append(line).append('\n');
        }
        return s.toString();
    }
}
