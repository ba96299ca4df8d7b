package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Priority;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyJsonTest {
    static final Map<String, BusinessCalendar> CALENDARS = Map.of("office", BusinessCalendars.finland(),
            "payroll", BusinessCalendar.builder().weekdays("08:00-11:30", "12:00-16:00").build());

    static final String DOCUMENT = """
            {
              "policies": [
                { "name": "standard", "calendar": "office",
                  "targets": { "FIRST_RESPONSE": "PT8H", "RESOLUTION": "PT40H" },
                  "warnings": [ { "percent": 75, "effects": [] },
                                { "percent": 90, "effects": [ { "type": "notifyTeamLead" } ] } ],
                  "atBreach": [ { "type": "raisePriority", "levels": 1 }, { "type": "reassign", "target": "TEAM_LEAD" } ] },
                { "name": "urgent", "calendar": "office", "targets": { "FIRST_RESPONSE": "PT1H" } }
              ],
              "rules": [ { "policy": "urgent", "type": "HR", "priority": "URGENT" } ],
              "fallback": "standard"
            }
            """;

    @Test
    void readsTheDocumentedFormat() {
        SlaPolicies p = SlaPolicyJson.read(DOCUMENT, CALENDARS);
        assertThat(p.policyFor(SlaSubject.of("HR", Priority.URGENT)).name()).isEqualTo("urgent");
        SlaPolicy standard = p.fallback();
        assertThat(standard.target(SlaTarget.RESOLUTION)).contains(Duration.ofHours(40));
        assertThat(standard.warnings()).extracting(WarningThreshold::percent).containsExactly(75, 90);
        assertThat(standard.atBreach()).containsExactly(Escalation.raisePriority(), Escalation.reassignToTeamLead());
        assertThat(SlaPolicyJson.read(SlaPolicyJson.write(p), CALENDARS)).isEqualTo(p);
    }

    @Test
    void structuralProblemsAreAllReportedWithTheirPaths() {
        String bad = """
                { "policies": [ { "name": "standard", "calendar": "office", "colour": "red",
                                  "targets": { "FIRST_RESPONS": "PT8H", "RESOLUTION": "8 hours" },
                                  "atBreach": [ { "type": "sendSms" }, { "type": "reassign", "target": "BOSS" } ] } ],
                  "rules": [ { "policy": "standard", "priority": "SUPER", "organization": "acme" } ] }
                """;
        assertThatThrownBy(() -> SlaPolicyJson.read(bad, CALENDARS))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SLA_POLICY);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("$.policies[0].colour: unknown property"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.policies[0].targets.FIRST_RESPONS: 'FIRST_RESPONS'"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.policies[0].targets.RESOLUTION: '8 hours'"))
                            .anySatisfy(p -> assertThat(p).contains("$.policies[0].atBreach[0].type: unknown escalation type 'sendSms'"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.policies[0].atBreach[1].target: 'BOSS'"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.rules[0].priority: 'SUPER'"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.rules[0].organization: 'acme'"))
                            .anySatisfy(p -> assertThat(p).startsWith("$.fallback: missing"));
                    assertThat(e.problems()).hasSize(8);
                });
        assertThatThrownBy(() -> SlaPolicyJson.read("{ \"policies\": [", CALENDARS)).hasMessageContaining("TKT-0712")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void contentProblemsAndUnknownCalendarsAreReportedTogether() {
        String bad = """
                { "policies": [ { "name": "standard", "calendar": "weekends",
                                  "targets": { "FIRST_RESPONSE": "PT0S" }, "warnings": [ { "percent": 100 } ] } ],
                  "rules": [ { "policy": "vip" } ], "fallback": "standard" }
                """;
        assertThatThrownBy(() -> SlaPolicyJson.read(bad, CALENDARS))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SLA_POLICY);
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage()).contains("$.policies[0]: Policy 'standard': target FIRST_RESPONSE of PT0S")
                            .contains("100 % is outside (0, 100)").contains("Rule 1 chooses policy 'vip'")
                            .contains("calendar 'weekends', which is not registered. Registered: [office, payroll]");
                });
    }
}
