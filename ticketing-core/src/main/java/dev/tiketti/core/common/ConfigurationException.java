package dev.tiketti.core.common;

import java.util.List;

/**
 * The configuration (builder, workflow or type definition) is invalid; fail at start-up.
 * {@link #problems()} lists every problem found, not only the first.
 *
 * @since 0.1
 */
public class ConfigurationException extends TicketingException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigurationException(ErrorCode code, String summary, List<String> problems) {
        super(code, summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
        this.problems = List.of(message);
    }

    /** Every problem found, each a sentence that names the culprit and the fix. */
    public List<String> problems() {
        return problems;
    }
}
