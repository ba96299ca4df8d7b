package dev.tiketti.core.internal;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The problems of configuring and wiring a {@code Ticketing}: the builder's options and slots,
 * optional libraries, and optional areas (SLA, search) used without being configured. Each method
 * names the option or slot, the problem and the fix. The root package's builder uses it too. Not API.
 */
public final class ConfigProblems {
    private ConfigProblems() {
    }

    public static ConfigurationException cannotBuild(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "Ticketing cannot be built", problems);
    }

    /** {@code bundle} is the storage bundle's class name when one was given. */
    public static String slotNotSet(String slot, Optional<String> bundle) {
        return slot + " is not set: call Ticketing.builder()." + slot + "(...) with your adapter"
                + bundle.map(b -> " (the storage bundle " + b + " provides none)").orElse("")
                + ", or .inMemory() for the in-memory reference implementations";
    }

    public static String timerStoreNeeded() {
        return "timerStore is not set, but SLA policies or reminder rules need one: call "
                + "Ticketing.builder().timerStore(...) with your adapter, or .inMemory()";
    }

    /** {@code origin} says how it was set ("explicitly", "by the storage bundle", ...). */
    public static ConfigurationException optionTwice(String option, String origin, Class<?> current) {
        return new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, option + " was already set (" + origin
                + ", to " + current.getName() + "): set each option once", List.of());
    }

    public static ConfigurationException reminderTwice(String rule) {
        return new ConfigurationException(ErrorCode.INVALID_REMINDER_RULE, "Reminder rule '" + rule
                + "' is added twice: give each reminder rule its own name", List.of());
    }

    public static ConfigurationException teamLeadTwice(Object team) {
        return new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "The lead of team '" + team
                + "' is set twice: set it once", List.of());
    }

    public static ConfigurationException pairInvalid(Object agent) {
        return new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "The pair of agent '" + agent
                + "' is set twice or to the agent itself: give each agent one other agent as pair", List.of());
    }

    public static ConfigurationException timerOptionNotPositive(String option, Duration value) {
        return new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION, option + " " + value
                + " is invalid: use a positive duration", List.of());
    }

    public static TicketingException outboxLeaseNotPositive(Duration lease) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "outboxLease " + lease + " is invalid: use a "
                + "positive duration, longer than the slowest listener takes, e.g. Duration.ofMinutes(1)");
    }

    public static TicketingException outboxBackoffInvalid(Duration first, Duration max) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "outboxRetryBackoff " + first + " to " + max
                + " is invalid: give a positive first back-off and a longest one at least as long, e.g. "
                + "Duration.ofSeconds(10) and Duration.ofHours(1)");
    }

    public static TicketingException outboxMaxAttemptsInvalid(int attempts) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "outboxMaxAttempts " + attempts
                + " is invalid: give at least 1 (1 gives a delivery up after its first failure), e.g. 12");
    }

    public static TicketingException listenerNameTooLong(String name) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "The listener name '" + name + "' has "
                + name.length() + " characters: give a name of at most 200");
    }

    /** A listener whose {@code name()} returns nothing usable; {@code type} is its class. */
    public static String listenerNameMissing(String type) {
        return "the listener " + type + " has a blank name: return a stable name from its name() method, or register "
                + "it with Ticketing.builder().listener(name, listener)";
    }

    /** A listener whose {@code name()} is longer than the outbox keeps. */
    public static String listenerNameTooLongProblem(String name) {
        return "the listener name '" + name + "' has " + name.length() + " characters: give a name of at most 200 "
                + "with Ticketing.builder().listener(name, listener)";
    }

    /** Several listeners answer to one name while an outbox tracks delivery by name; {@code types} are their classes. */
    public static String listenerNamesClash(String name, List<String> types) {
        return types.size() + " listeners are named '" + name + "' (" + String.join(", ", types) + "), but the "
                + "outbox tracks delivery per listener name: register them with distinct names, "
                + "Ticketing.builder().listener(\"slack\", listener), or override EventListener.name()";
    }

    public static TicketingException deliveryIntervalNotPositive(Duration interval) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "The interval " + interval
                + " is invalid: give a positive interval, e.g. Duration.ofSeconds(5).");
    }

    public static TicketingException privacyNoticeUrlNotHttp(String url) {
        return new TicketingException(ErrorCode.INVALID_URL, "The privacy notice URL '" + url + "' must be an "
                + "absolute http(s) URL, e.g. https://example.fi/tietosuoja.");
    }

    public static TicketingException privacyNoticeUrlNotUri(String url, String reason) {
        return new TicketingException(ErrorCode.INVALID_URL, "The privacy notice URL '" + url + "' is not a valid URI ("
                + reason + "); give e.g. https://example.fi/tietosuoja.");
    }

    public static TicketingException consentRequestValidity(Duration validity) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "The consent request validity " + validity
                + " is invalid: give a positive duration of at most 366 days, e.g. Duration.ofDays(30).");
    }

    public static ConfigurationException jacksonMissingForOutbox(Throwable cause) {
        return new ConfigurationException(ErrorCode.MISSING_DEPENDENCY, "An outbox store is configured, but "
                + "Jackson is not on the class path: add com.fasterxml.jackson.core:jackson-databind, "
                + "com.fasterxml.jackson.datatype:jackson-datatype-jdk8 and jackson-datatype-jsr310 to the host's "
                + "dependencies (ticketing-jpa brings them)", List.of(String.valueOf(cause)));
    }

    public static TicketingException slaClocksNotConfigured() {
        return new TicketingException(ErrorCode.SLA_NOT_CONFIGURED, "SLA clocks were asked for, but this Ticketing was "
                + "built without SLA policies: configure them with Ticketing.builder().slaPolicies(...).");
    }

    public static TicketingException slaTimersNotConfigured() {
        return new TicketingException(ErrorCode.SLA_NOT_CONFIGURED, "SLA timers were asked for, but this Ticketing was "
                + "built without SLA policies or reminder rules: configure them with "
                + "Ticketing.builder().slaPolicies(...) / .reminder(...).");
    }

    public static TicketingException searchNotConfigured() {
        return new TicketingException(ErrorCode.SEARCH_NOT_CONFIGURED, "A search was asked for, but this Ticketing "
                + "was built without a search index: wire one with Ticketing.builder().searchIndex(...), or "
                + ".inMemory() for the in-memory one.");
    }
}
