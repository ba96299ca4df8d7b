package dev.tiketti.core.sla;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Any valid SLA configuration survives a JSON round trip unchanged. */
class SlaPolicyJsonProperties {
    static final Map<String, BusinessCalendar> CALENDARS = Map.of("office", BusinessCalendars.finland(),
            "payroll", BusinessCalendar.builder().weekdays("08:00-11:30", "12:00-16:00").build());

    @Test
    void jsonRoundTripKeepsEverything() {
        qt(300).forAll(configurations()).checkAssert(config -> {
            String json = SlaPolicyJson.write(config);
            assertThat(SlaPolicyJson.read(json, CALENDARS)).isEqualTo(config);
            assertThat(SlaPolicyJson.write(SlaPolicyJson.read(json, CALENDARS))).isEqualTo(json);
        });
    }

    /** One to four policies of distinct names, up to five rules naming them, and a fallback among them. */
    static Gen<SlaPolicies> configurations() {
        return lists().of(policies()).ofSizeBetween(1, 4).map(SlaPolicyJsonProperties::distinctNames).flatMap(ps -> {
            List<String> names = ps.stream().map(SlaPolicy::name).toList();
            return lists().of(rule(names)).ofSizeBetween(0, 5).zip(Generate.pick(names), (rules, fallback) -> {
                SlaPolicies.Builder b = SlaPolicies.builder().calendars(CALENDARS);
                ps.forEach(b::policy);
                rules.forEach(b::rule);
                return b.fallback(fallback).build();
            });
        });
    }

    private static List<SlaPolicy> distinctNames(List<SlaPolicy> policies) {
        Map<String, SlaPolicy> byName = new LinkedHashMap<>();
        policies.forEach(p -> byName.putIfAbsent(p.name(), p));
        return List.copyOf(byName.values());
    }

    static Gen<SlaPolicy> policies() {
        Gen<String> name = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
        Gen<Duration> duration = longs().between(1, 1_000_000).map(s -> Duration.ofSeconds(s));
        Gen<List<Integer>> percents = lists().of(integers().between(1, 99)).ofSizeBetween(0, 3)
                .map(ps -> ps.stream().distinct().toList());
        return in -> {
            SlaPolicy.Builder b = SlaPolicy.builder(name.generate(in), Generate.pick(List.of("office", "payroll"))
                    .generate(in)).resolution(duration.generate(in));
            duration.toOptionals(50).generate(in).ifPresent(b::firstResponse);
            duration.toOptionals(50).generate(in).ifPresent(b::nextResponse);
            List<Integer> ps = percents.generate(in);
            List<Escalation> warnFx = escalations().generate(in);
            List<Escalation> breachFx = escalations().generate(in);
            ps.forEach(p -> b.warnAt(p, warnFx.toArray(Escalation[]::new)));
            return b.atBreach(breachFx.toArray(Escalation[]::new)).build();
        };
    }

    static Gen<List<Escalation>> escalations() {
        return lists().of(Generate.oneOf(Generate.constant(Escalation.notifyTeamLead()),
                integers().between(1, 3).map(Escalation::raisePriority),
                Generate.pick(List.of(Escalation.reassignToTeamLead(), Escalation.reassignToPair())),
                Generate.pick(List.of("maija", "juha.virtanen", "a1")).map(Escalation::reassignTo)))
                .ofSizeBetween(0, 3);
    }

    static Gen<SlaRule> rule(List<String> policyNames) {
        return in -> {
            SlaRule r = SlaRule.use(Generate.pick(policyNames).generate(in));
            Optional<String> type = Generate.pick(List.of("HR", "IT")).toOptionals(50).generate(in);
            Optional<String> cls = Generate.pick(List.of("Palkka", "Palvelussuhde/Vuosiloma",
                    "Työterveys/Lääkäri/Erikois")).toOptionals(50).generate(in);
            Optional<Priority> prio = Generate.enumValues(Priority.class).toOptionals(50).generate(in);
            Optional<OrganizationId> org = longs().between(1, 1000).map(l -> new OrganizationId(new UUID(42, l)))
                    .toOptionals(50).generate(in);
            r = type.map(r::whenType).orElse(r);
            r = cls.map(r::whenClassifiedUnder).orElse(r);
            r = prio.map(r::whenPriority).orElse(r);
            return org.map(r::whenOrganization).orElse(r);
        };
    }
}
