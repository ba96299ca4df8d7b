package dev.tiketti.core.common;


/**
 * Identity of a handler (an employee of the team) as the host knows them, e.g. a user name.
 *
 * @since 0.1
 */
public record AgentId(String value) {
    public AgentId {
        Require.notBlank(value, "agent id");
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
