package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SLA configuration of a help desk: named business calendars, named policies, ordered rules
 * that choose a policy per ticket (first match wins) and a fallback policy for tickets no rule
 * matches. Immutable and thread-safe; policies, rules and fallback round-trip through
 * {@link SlaPolicyJson}.
 *
 * @since 0.1
 */
public final class SlaPolicies {
    private final Map<String, BusinessCalendar> calendars;
    private final Map<String, SlaPolicy> policies;
    private final List<SlaRule> rules;
    private final String fallback;

    private SlaPolicies(Builder b) {
        this.calendars = Collections.unmodifiableMap(new TreeMap<>(b.calendars));
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(b.policies));
        this.rules = List.copyOf(b.rules);
        this.fallback = b.fallback;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy for a ticket: the first rule that matches, otherwise the fallback. */
    public SlaPolicy policyFor(SlaSubject subject) {
        Require.nonNull(subject, "subject");
        for (SlaRule r : rules) {
            if (r.matches(subject)) {
                return policies.get(r.policy());
            }
        }
        return policies.get(fallback);
    }

    /** The calendar a policy's targets are counted on. */
    public BusinessCalendar calendarOf(SlaPolicy policy) {
        Require.nonNull(policy, "policy");
        BusinessCalendar c = calendars.get(policy.calendar());
        if (c == null) {
            throw SlaMessages.policyWithUnknownCalendar(policy.name(), policy.calendar(), calendars.keySet());
        }
        return c;
    }

    /** When a target of the policy is due for a clock started at {@code start}; empty if the policy sets no such target. */
    public Optional<Instant> due(SlaPolicy policy, SlaTarget target, Instant start) {
        Require.nonNull(start, "start");
        BusinessCalendar cal = calendarOf(policy);
        return policy.target(target).map(d -> cal.add(start, d));
    }

    /** The registered calendars by name. */
    public Map<String, BusinessCalendar> calendars() {
        return calendars;
    }

    /** The policies in the order they were given. */
    public List<SlaPolicy> policies() {
        return List.copyOf(policies.values());
    }

    /** A policy by name. */
    public Optional<SlaPolicy> policy(String name) {
        return Optional.ofNullable(policies.get(Require.nonNull(name, "name")));
    }

    /** The rules in the order they are tried. */
    public List<SlaRule> rules() {
        return rules;
    }

    /** The policy of tickets no rule matches. */
    public SlaPolicy fallback() {
        return policies.get(fallback);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaPolicies p && calendars.equals(p.calendars) && policies().equals(p.policies())
                && rules.equals(p.rules) && fallback.equals(p.fallback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(calendars, policies, rules, fallback);
    }

    @Override
    public String toString() {
        return "SlaPolicies[calendars=" + calendars.keySet() + ", policies=" + policies.keySet() + ", rules="
                + rules.size() + ", fallback=" + fallback + "]";
    }

    /**
     * Problems across policies, rules and calendars: [0] invalid configuration, [1] unknown calendars.
     * Shared by the builder and the JSON reader so both report the same sentences.
     */
    static List<List<String>> crossProblems(Map<String, String> calendarOfPolicy, List<SlaRule> rules,
                                            Optional<String> fallback, Set<String> calendars) {
        List<String> invalid = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (calendarOfPolicy.isEmpty()) {
            invalid.add(SlaMessages.noPolicy());
        }
        calendarOfPolicy.forEach((policy, calendar) -> {
            if (calendar != null && !calendars.contains(calendar)) {
                unknown.add(SlaMessages.unknownCalendar(policy, calendar, calendars));
            }
        });
        for (int i = 0; i < rules.size(); i++) {
            String p = rules.get(i).policy();
            if (!calendarOfPolicy.containsKey(p)) {
                invalid.add(SlaMessages.ruleWithUnknownPolicy(i + 1, p, calendarOfPolicy.keySet()));
            }
        }
        if (fallback.isEmpty()) {
            invalid.add(SlaMessages.noFallback());
        } else if (!calendarOfPolicy.containsKey(fallback.get())) {
            invalid.add(SlaMessages.unknownFallback(fallback.get(), calendarOfPolicy.keySet()));
        }
        return List.of(invalid, unknown);
    }

    /**
     * Builds {@link SlaPolicies}. A calendar or policy name given twice fails at once;
     * {@link #build()} reports every remaining problem in one exception.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        private final Map<String, SlaPolicy> policies = new LinkedHashMap<>();
        private final List<SlaRule> rules = new ArrayList<>();
        private String fallback;

        private Builder() {
        }

        /** Registers a calendar under a name policies refer to. */
        public Builder calendar(String name, BusinessCalendar calendar) {
            Require.name(name, "calendar name");
            Require.nonNull(calendar, "calendar");
            if (calendars.putIfAbsent(name, calendar) != null) {
                throw SlaMessages.calendarTwice(name);
            }
            return this;
        }

        /** Registers several calendars by name. */
        public Builder calendars(Map<String, BusinessCalendar> byName) {
            Require.nonNull(byName, "byName");
            new TreeMap<>(byName).forEach(this::calendar);
            return this;
        }

        /** Adds a policy. */
        public Builder policy(SlaPolicy policy) {
            Require.nonNull(policy, "policy");
            if (policies.putIfAbsent(policy.name(), policy) != null) {
                throw SlaMessages.policyTwice(policy.name());
            }
            return this;
        }

        /** Adds a rule after the ones already given (rules are tried in order). */
        public Builder rule(SlaRule rule) {
            rules.add(Require.nonNull(rule, "rule"));
            return this;
        }

        /** The policy of tickets no rule matches; required. */
        public Builder fallback(String policy) {
            Require.notBlank(policy, "policy");
            if (fallback != null) {
                throw SlaMessages.fallbackTwice(fallback, policy);
            }
            fallback = policy;
            return this;
        }

        /**
         * Checks the whole configuration.
         *
         * @throws ConfigurationException {@link ErrorCode#UNKNOWN_CALENDAR} if the only problems are
         *         unknown calendars, otherwise {@link ErrorCode#INVALID_SLA_POLICY}; either lists every problem
         */
        public SlaPolicies build() {
            Map<String, String> calendarOfPolicy = new LinkedHashMap<>();
            policies.forEach((n, p) -> calendarOfPolicy.put(n, p.calendar()));
            List<List<String>> found = crossProblems(calendarOfPolicy, rules, Optional.ofNullable(fallback),
                    calendars.keySet());
            if (!found.get(0).isEmpty() || !found.get(1).isEmpty()) {
                throw SlaMessages.configuration(found.get(0), found.get(1));
            }
            return new SlaPolicies(this);
        }
    }
}
