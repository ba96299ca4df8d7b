package dev.tiketti.core.common;


/**
 * Identity of a service team (e.g. {@code hr}); types, workflows and queues belong to a team.
 *
 * @since 0.1
 */
public record TeamId(String value) {
    public TeamId {
        Require.name(value, "team id");
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
