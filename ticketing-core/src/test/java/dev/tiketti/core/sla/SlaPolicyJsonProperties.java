package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid SLA configuration survives a JSON round trip unchanged. */
class SlaPolicyJsonProperties {
    static final Map<String, BusinessCalendar> CALENDARS = Map.of("office", BusinessCalendars.finland(),
            "payroll", BusinessCalendar.builder().weekdays("08:00-11:30", "12:00-16:00").build());

    @Property(tries = 300)
    void jsonRoundTripKeepsEverything(@ForAll("configurations") SlaPolicies config) {
        String json = SlaPolicyJson.write(config);
        assertThat(SlaPolicyJson.read(json, CALENDARS)).isEqualTo(config);
        assertThat(SlaPolicyJson.write(SlaPolicyJson.read(json, CALENDARS))).isEqualTo(json);
    }

    @Provide
    Arbitrary<SlaPolicies> configurations() {
        return policies().list().ofMinSize(1).ofMaxSize(4).uniqueElements(SlaPolicy::name).flatMap(ps -> {
            List<String> names = ps.stream().map(SlaPolicy::name).toList();
            return Combinators.combine(rule(names).list().ofMaxSize(5), Arbitraries.of(names)).as((rules, fallback) -> {
                SlaPolicies.Builder b = SlaPolicies.builder().calendars(CALENDARS);
                ps.forEach(b::policy);
                rules.forEach(b::rule);
                return b.fallback(fallback).build();
            });
        });
    }

    Arbitrary<SlaPolicy> policies() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<Duration> duration = Arbitraries.longs().between(1, 1_000_000).map(Duration::ofSeconds);
        Arbitrary<List<Integer>> percents = Arbitraries.integers().between(1, 99).set().ofMaxSize(3)
                .map(ArrayList::new);
        return Combinators.combine(name, Arbitraries.of("office", "payroll"), duration.optional(), duration.optional(),
                duration, percents, escalations(), escalations()).as((n, cal, first, next, resolution, ps, warnFx, breachFx) -> {
                    SlaPolicy.Builder b = SlaPolicy.builder(n, cal).resolution(resolution);
                    first.ifPresent(b::firstResponse);
                    next.ifPresent(b::nextResponse);
                    ps.forEach(p -> b.warnAt(p, warnFx.toArray(Escalation[]::new)));
                    return b.atBreach(breachFx.toArray(Escalation[]::new)).build();
                });
    }

    Arbitrary<List<Escalation>> escalations() {
        return Arbitraries.oneOf(Arbitraries.just(Escalation.notifyTeamLead()),
                Arbitraries.integers().between(1, 3).map(Escalation::raisePriority),
                Arbitraries.of(Escalation.reassignToTeamLead(), Escalation.reassignToPair()),
                Arbitraries.of("maija", "juha.virtanen", "a1").map(Escalation::reassignTo)).list().ofMaxSize(3);
    }

    Arbitrary<SlaRule> rule(List<String> policyNames) {
        return Combinators.combine(Arbitraries.of(policyNames), Arbitraries.of("HR", "IT").optional(),
                Arbitraries.of("Palkka", "Palvelussuhde/Vuosiloma", "Työterveys/Lääkäri/Erikois").optional(),
                Arbitraries.of(Priority.class).optional(),
                Arbitraries.longs().between(1, 1000).map(l -> new OrganizationId(new UUID(42, l))).optional())
                .as((p, type, cls, prio, org) -> {
                    SlaRule r = SlaRule.use(p);
                    r = type.map(r::whenType).orElse(r);
                    r = cls.map(r::whenClassifiedUnder).orElse(r);
                    r = prio.map(r::whenPriority).orElse(r);
                    return org.map(r::whenOrganization).orElse(r);
                });
    }
}
