package dev.tiketti.core.timer;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.List;

/** The messages of timer problems, kept in one place. Not API. */
final class TimerProblems {
    private TimerProblems() {
    }

    static ConfigurationException configuration(String problem) {
        return new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION,
                "Timer service configuration is invalid", List.of(problem));
    }

    static ConfigurationException configuration(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION,
                "Timer service cannot be built", problems);
    }

    static TicketingException lifecycle(String owner, String problem) {
        return new TicketingException(ErrorCode.TIMER_SERVICE_LIFECYCLE, "Timer service '" + owner + "' " + problem);
    }
}
