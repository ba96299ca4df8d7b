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
        super(code, message(summary, problems));
        this.problems = List.copyOf(problems);
    }

    /** With the exception that revealed the problems (e.g. a missing class, a parser's) as the cause. */
    public ConfigurationException(ErrorCode code, String summary, List<String> problems, Throwable cause) {
        super(code, message(summary, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** One problem, told by {@code message}, revealed by {@code cause}. */
    public ConfigurationException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
        this.problems = List.of(message);
    }

    private static String message(String summary, List<String> problems) {
        return summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems));
    }

    /** Every problem found, each a sentence that names the culprit and the fix. */
    public List<String> problems() {
        return problems;
    }
}
