package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;
import java.util.Map;

/**
 * Reads and writes {@link SlaPolicies} (policies, rules, fallback) as JSON, so SLA promises are
 * data a team lead can change, like workflows. Calendars are not part of the document: policies
 * refer to them by name, and reading checks those names against the calendars the host
 * registers. Reading is strict and reports every problem at once, each with its JSON path.
 * Needs {@code jackson-databind} on the class path (an optional dependency of core). The format
 * is documented in {@code docs/sla.md}.
 *
 * @since 0.1
 */
public final class SlaPolicyJson {
    private SlaPolicyJson() {
    }

    /**
     * Parses policies, rules and fallback and checks them against the registered calendars.
     *
     * @throws ConfigurationException {@link ErrorCode#MALFORMED_SLA_POLICY} for a malformed document,
     *         {@link ErrorCode#INVALID_SLA_POLICY} or {@link ErrorCode#UNKNOWN_CALENDAR} for invalid content
     */
    public static SlaPolicies read(String json, Map<String, BusinessCalendar> calendars) {
        Require.nonNull(json, "json");
        Require.nonNull(calendars, "calendars");
        return codec().read(json, calendars);
    }

    /** Writes pretty-printed JSON that {@link #read} turns back into equal policies (given the same calendars). */
    public static String write(SlaPolicies policies) {
        Require.nonNull(policies, "policies");
        return codec().write(policies);
    }

    private static JsonSlaPolicyCodec codec() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, SlaPolicyJson.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw SlaMessages.jacksonMissing();
        }
        return JsonSlaPolicyCodec.INSTANCE;
    }
}
