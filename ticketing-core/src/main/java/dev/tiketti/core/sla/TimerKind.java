package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;

/**
 * What a timer is for, e.g. {@code sla.breach} or {@code reminder.unassigned}; a
 * {@link dev.tiketti.core.timer.TimerService} has exactly one {@link dev.tiketti.core.timer.TimerHandler} per kind.
 *
 * @param name 1-64 letters, digits, '_', '.' or '-', starting with a letter
 * @since 0.1
 */
public record TimerKind(String name) {
    public TimerKind {
        Require.name(name, "timer kind");
    }

    public static TimerKind of(String name) {
        return new TimerKind(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
