package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service-level promise as data: business-time targets on a named calendar, warnings before a
 * breach and escalation effects at the warnings and at the breach. Chosen per ticket by
 * {@link SlaPolicies}; written and read as JSON by {@link SlaPolicyJson}.
 *
 * @param name     the policy's name, unique within its {@link SlaPolicies}
 * @param calendar name of the {@link BusinessCalendar} the targets are counted on
 * @param targets  business time allowed per target; at least one, each positive
 * @param warnings warnings before the breach, ascending by percentage, no percentage twice
 * @param atBreach escalation effects when a target is breached
 * @since 0.1
 */
public record SlaPolicy(String name, String calendar, Map<SlaTarget, Duration> targets,
                        List<WarningThreshold> warnings, List<Escalation> atBreach) {

    /** Validates everything at once and copies the collections. */
    public SlaPolicy {
        Require.nonNull(targets, "targets");
        Require.nonNull(warnings, "warnings");
        Require.nonNull(atBreach, "atBreach");
        List<Integer> percents = warnings.stream().map(w -> Require.nonNull(w, "warning").percent()).toList();
        List<String> problems = problems(name, calendar, targets, percents);
        if (!problems.isEmpty()) {
            throw SlaMessages.invalidPolicy(name, problems);
        }
        EnumMap<SlaTarget, Duration> t = new EnumMap<>(SlaTarget.class);
        t.putAll(targets);
        targets = Collections.unmodifiableMap(t);
        List<WarningThreshold> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingInt(WarningThreshold::percent));
        warnings = List.copyOf(sorted);
        atBreach.forEach(e -> Require.nonNull(e, "escalation"));
        atBreach = List.copyOf(atBreach);
    }

    /** A builder for a policy counted on the named calendar. */
    public static Builder builder(String name, String calendar) {
        return new Builder(name, calendar);
    }

    /** The business time allowed for a target, if this policy sets one. */
    public Optional<Duration> target(SlaTarget target) {
        return Optional.ofNullable(targets.get(Require.nonNull(target, "target")));
    }

    static List<String> problems(String name, String calendar, Map<SlaTarget, Duration> targets, List<Integer> percents) {
        List<String> problems = new ArrayList<>();
        if (name == null || !Require.isName(name)) {
            problems.add(SlaMessages.policyName(name));
        }
        if (calendar == null || calendar.isBlank()) {
            problems.add(SlaMessages.policyWithoutCalendar(name));
        }
        if (targets.isEmpty()) {
            problems.add(SlaMessages.policyWithoutTargets(name));
        }
        targets.forEach((target, d) -> {
            if (target == null || d == null) {
                problems.add(SlaMessages.nullTarget(name));
            } else if (d.isZero() || d.isNegative()) {
                problems.add(SlaMessages.targetNotPositive(name, target, d));
            } else if (d.compareTo(BusinessCalendar.MAX_DURATION) > 0) {
                problems.add(SlaMessages.targetTooLong(name, target, d));
            }
        });
        Set<Integer> seen = new HashSet<>();
        for (Integer p : percents) {
            Optional<String> problem = SlaMessages.thresholdProblem(p);
            if (problem.isPresent()) {
                problems.add(SlaMessages.policyThreshold(name, problem.get()));
            } else if (!seen.add(p)) {
                problems.add(SlaMessages.thresholdTwice(name, p));
            }
        }
        return problems;
    }

    /**
     * Builds an {@link SlaPolicy}; {@link #build()} reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String name;
        private final String calendar;
        private final Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
        private final List<int[]> rawPercents = new ArrayList<>();
        private final List<List<Escalation>> warningEffects = new ArrayList<>();
        private final List<Escalation> atBreach = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder(String name, String calendar) {
            this.name = name;
            this.calendar = calendar;
        }

        /** Business time allowed for a target; a target set twice is a problem. */
        public Builder target(SlaTarget target, Duration businessTime) {
            Require.nonNull(target, "target");
            Require.nonNull(businessTime, "businessTime");
            if (targets.put(target, businessTime) != null) {
                problems.add(SlaMessages.targetTwice(name, target));
            }
            return this;
        }

        /** Shorthand for {@link #target(SlaTarget, Duration) target(FIRST_RESPONSE, ...)}. */
        public Builder firstResponse(Duration businessTime) {
            return target(SlaTarget.FIRST_RESPONSE, businessTime);
        }

        /** Shorthand for {@link #target(SlaTarget, Duration) target(NEXT_RESPONSE, ...)}. */
        public Builder nextResponse(Duration businessTime) {
            return target(SlaTarget.NEXT_RESPONSE, businessTime);
        }

        /** Shorthand for {@link #target(SlaTarget, Duration) target(RESOLUTION, ...)}. */
        public Builder resolution(Duration businessTime) {
            return target(SlaTarget.RESOLUTION, businessTime);
        }

        /** A warning when {@code percent} of a target is used, with its escalation effects. */
        public Builder warnAt(int percent, Escalation... effects) {
            Require.nonNull(effects, "effects");
            rawPercents.add(new int[] {percent});
            warningEffects.add(List.of(effects));
            return this;
        }

        /** Escalation effects at the breach. */
        public Builder atBreach(Escalation... effects) {
            Require.nonNull(effects, "effects");
            atBreach.addAll(List.of(effects));
            return this;
        }

        /** Every problem of the policy so far (empty when {@link #build()} will succeed). */
        public List<String> problems() {
            List<String> all = new ArrayList<>(problems);
            all.addAll(SlaPolicy.problems(name, calendar, targets, rawPercents.stream().map(p -> p[0]).toList()));
            return all;
        }

        /** The policy. @throws ConfigurationException listing every problem */
        public SlaPolicy build() {
            List<String> all = problems();
            if (!all.isEmpty()) {
                throw SlaMessages.invalidPolicy(name, all);
            }
            List<WarningThreshold> warnings = new ArrayList<>();
            for (int i = 0; i < rawPercents.size(); i++) {
                warnings.add(new WarningThreshold(rawPercents.get(i)[0], warningEffects.get(i)));
            }
            return new SlaPolicy(name, calendar, targets, warnings, atBreach);
        }
    }
}
