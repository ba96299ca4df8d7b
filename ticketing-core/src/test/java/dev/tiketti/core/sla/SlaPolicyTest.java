package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    static final OrganizationId CITY = OrganizationId.of("6f1c1a7e-0000-4000-8000-000000000001");

    static SlaPolicy standard() {
        return SlaPolicy.builder("standard", "office")
                .firstResponse(Duration.ofHours(8)).nextResponse(Duration.ofHours(16)).resolution(Duration.ofHours(40))
                .warnAt(90, Escalation.notifyTeamLead(), Escalation.raisePriority())
                .warnAt(75)
                .atBreach(Escalation.reassignToTeamLead())
                .build();
    }

    static SlaPolicy urgent() {
        return SlaPolicy.builder("urgent", "office").firstResponse(Duration.ofHours(1)).resolution(Duration.ofHours(8))
                .warnAt(50, Escalation.notifyTeamLead()).atBreach(Escalation.raisePriority(2), Escalation.reassignTo("maija"))
                .build();
    }

    static SlaPolicy cityPayroll() {
        return SlaPolicy.builder("city-payroll", "payroll").firstResponse(Duration.ofHours(2)).build();
    }

    static SlaPolicies config() {
        return SlaPolicies.builder()
                .calendar("office", BusinessCalendars.finland())
                .calendar("payroll", BusinessCalendar.builder().weekdays("08:00-11:30", "12:00-16:00")
                        .holidays(FinnishHolidays.all()).build())
                .policy(standard()).policy(urgent()).policy(cityPayroll())
                .rule(SlaRule.use("city-payroll").whenType("HR").whenClassifiedUnder("Palkka").whenOrganization(CITY))
                .rule(SlaRule.use("urgent").whenPriority(Priority.URGENT))
                .fallback("standard")
                .build();
    }

    @Test
    void theFirstMatchingRuleWinsAndTheFallbackTakesTheRest() {
        SlaPolicies c = config();
        SlaSubject hr = SlaSubject.of("HR", Priority.URGENT);
        assertThat(c.policyFor(hr).name()).isEqualTo("urgent");
        assertThat(c.policyFor(hr.classifiedAs("Palkka/Palkkavirhe").from(CITY)).name()).isEqualTo("city-payroll");
        assertThat(c.policyFor(hr.classifiedAs("Vuosiloma").from(CITY)).name()).isEqualTo("urgent");
        assertThat(c.policyFor(SlaSubject.of("HR", Priority.NORMAL).classifiedAs("Palkka"))).isEqualTo(standard());
        assertThat(c.policyFor(SlaSubject.of("IT", Priority.LOW))).isEqualTo(c.fallback());
    }

    @Test
    void targetsAreCountedOnThePolicysCalendar() {
        SlaPolicies c = config();
        Instant friday = ZonedDateTime.parse("2025-06-06T11:00+03:00[Europe/Helsinki]").toInstant();
        assertThat(c.due(c.policy("city-payroll").orElseThrow(), SlaTarget.FIRST_RESPONSE, friday))
                .contains(ZonedDateTime.parse("2025-06-06T13:30+03:00[Europe/Helsinki]").toInstant());
        assertThat(c.due(standard(), SlaTarget.FIRST_RESPONSE, friday))
                .contains(ZonedDateTime.parse("2025-06-09T11:00+03:00[Europe/Helsinki]").toInstant());
        assertThat(c.due(urgent(), SlaTarget.NEXT_RESPONSE, friday)).isEmpty();
    }

    @Test
    void warningsAreSortedAndEffectsKept() {
        SlaPolicy p = standard();
        assertThat(p.warnings()).extracting(WarningThreshold::percent).containsExactly(75, 90);
        assertThat(p.warnings().get(1).effects()).containsExactly(Escalation.notifyTeamLead(), Escalation.raisePriority());
        assertThat(p.target(SlaTarget.RESOLUTION)).contains(Duration.ofHours(40));
        assertThat(((Escalation.RaisePriority) Escalation.raisePriority(2)).applyTo(Priority.HIGH)).isEqualTo(Priority.URGENT);
        assertThat(((Escalation.RaisePriority) Escalation.raisePriority()).applyTo(Priority.LOW)).isEqualTo(Priority.NORMAL);
    }

    @Test
    void everyProblemOfAPolicyIsListed() {
        assertThatThrownBy(() -> SlaPolicy.builder("bad", "office")
                .firstResponse(Duration.ZERO).resolution(Duration.ofHours(-2))
                .warnAt(0).warnAt(100).warnAt(120).warnAt(80).warnAt(80).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SLA_POLICY);
                    assertThat(e.problems()).hasSize(6);
                    assertThat(e.getMessage()).contains("FIRST_RESPONSE of PT0S is not positive")
                            .contains("RESOLUTION of PT-2H").contains("0 % is outside (0, 100)")
                            .contains("100 %").contains("120 %").contains("80 % is given twice");
                });
        assertThatThrownBy(() -> SlaPolicy.builder("empty", " ").build())
                .hasMessageContaining("names no calendar").hasMessageContaining("has no targets");
        assertThatThrownBy(() -> SlaPolicy.builder("twice", "office").firstResponse(Duration.ofHours(1))
                .firstResponse(Duration.ofHours(2)).build()).hasMessageContaining("set twice");
        assertThatThrownBy(() -> new WarningThreshold(100, List.of())).hasMessageContaining("TKT-0710");
    }

    @Test
    void unknownCalendarsAreNamedWithTheRegisteredOnes() {
        assertThatThrownBy(() -> SlaPolicies.builder().calendar("office", BusinessCalendars.finland())
                .policy(standard()).policy(cityPayroll()).policy(SlaPolicy.builder("weekend", "weekends")
                        .firstResponse(Duration.ofHours(1)).build())
                .fallback("standard").build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CALENDAR);
                    assertThat(e.problems()).containsExactly(
                            "SLA policy 'city-payroll' refers to calendar 'payroll', which is not registered. Registered:"
                                    + " [office]. Register it with SlaPolicies.builder().calendar(\"payroll\", ...) or"
                                    + " correct the policy.",
                            "SLA policy 'weekend' refers to calendar 'weekends', which is not registered. Registered:"
                                    + " [office]. Register it with SlaPolicies.builder().calendar(\"weekends\", ...) or"
                                    + " correct the policy.");
                });
    }

    @Test
    void rulesAndFallbackMustNameDefinedPolicies() {
        assertThatThrownBy(() -> SlaPolicies.builder().calendar("office", BusinessCalendars.finland())
                .policy(standard()).rule(SlaRule.use("vip").whenPriority(Priority.HIGH)).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SLA_POLICY);
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.getMessage()).contains("Rule 1 chooses policy 'vip', which is not defined")
                            .contains("No fallback policy is set");
                });
        assertThatThrownBy(() -> SlaPolicies.builder().fallback("a").fallback("b")).hasMessageContaining("set twice");
        assertThatThrownBy(() -> SlaPolicies.builder().policy(standard()).policy(standard()))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> SlaPolicies.builder().calendars(Map.of("office", BusinessCalendars.finland()))
                .calendar("office", BusinessCalendars.finland())).hasMessageContaining("registered twice");
    }

    @Test
    void badEscalations() {
        assertThatThrownBy(() -> Escalation.raisePriority(0)).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> new Escalation.Reassign(Escalation.Reassign.Target.AGENT, java.util.Optional.empty()))
                .hasMessageContaining("names no agent");
    }
}
