package dev.tiketti.core.timer;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.sla.TimerKind;
import java.time.Duration;
import java.util.List;

/**
 * The messages of the timer service: its builder options and its life cycle. Each method names
 * the value, the problem and the fix. Package-private: not API.
 */
final class TimerMessages {
    private TimerMessages() {
    }

    private static ConfigurationException configuration(String problem) {
        return new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION,
                "Timer service configuration is invalid", List.of(problem));
    }

    static ConfigurationException configuration(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION,
                "Timer service cannot be built", problems);
    }

    static ConfigurationException nullStore() {
        return configuration("timer store is null: pass your TimerStore adapter "
                + "(or new InMemoryTimerStore(clock)) to TimerService.builder(...)");
    }

    static ConfigurationException ownerId(String value, int maxLength) {
        return configuration("owner id " + (value == null ? "null" : "of length " + value.length())
                + " is invalid: use 1-" + maxLength + " characters without white space, e.g. the host name");
    }

    static ConfigurationException backoffMaxShorter(Duration max, Duration initial) {
        return configuration("retryBackoff max " + max + " is shorter than its initial " + initial
                + ": give a max at least as long as the initial back-off");
    }

    static ConfigurationException nullKind() {
        return configuration("timer kind is null: name the kind the handler is for, e.g. TimerKind.of(\"sla.breach\")");
    }

    static ConfigurationException nullHandler(TimerKind kind) {
        return configuration("handler for timer kind '" + kind + "' is null: pass the code to run when it fires");
    }

    static ConfigurationException handlerTwice(TimerKind kind) {
        return configuration("timer kind '" + kind + "' already has a handler: register one handler "
                + "per kind and dispatch inside it if several effects are needed");
    }

    static String noHandlers() {
        return "no timer handlers are registered: register at least one with handler(kind, handler); "
                + "a service without handlers would claim nothing";
    }

    static String shutdownLongerThanLease(Duration shutdownTimeout, Duration lease) {
        return "shutdownTimeout " + shutdownTimeout + " is longer than the lease " + lease
                + ": other nodes would take over timers close() still waits for; shorten it or lengthen the lease";
    }

    static ConfigurationException optionTwice(String option) {
        return configuration(option + " was already set: set each option once");
    }

    static ConfigurationException nullOption(String option) {
        return configuration(option + " is null: pass a value or leave the option out for its default");
    }

    static ConfigurationException notPositive(String option, Duration value) {
        return configuration(option + " " + value + " is invalid: use a positive duration");
    }

    static ConfigurationException belowOne(String option, int value) {
        return configuration(option + " " + value + " is invalid: use 1 or more");
    }

    private static TicketingException lifecycle(String owner, String problem) {
        return new TicketingException(ErrorCode.TIMER_SERVICE_LIFECYCLE, "Timer service '" + owner + "' " + problem);
    }

    static TicketingException tickAfterClose(String owner) {
        return lifecycle(owner, "is closed: tick() cannot run after close(). Build a new service.");
    }

    static TicketingException startAfterClose(String owner) {
        return lifecycle(owner, "is closed: it cannot be started again. Build a new service.");
    }

    static TicketingException startedTwice(String owner) {
        return lifecycle(owner, "is already polling: call start() once per service.");
    }
}
