package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.FinnishHoliday.MIDSUMMER_EVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The examples of docs/sla.md, run here; a test keeps the guide's copies equal to these regions (STYLE 21). */
class SlaGuideSnippetsTest {

    @Test
    void finland() {
        // tag::finland[]
        BusinessCalendar finland = BusinessCalendars.finland();
        // Friday 29 Dec 2023, 15:30; Monday 1 Jan 2024 is New Year's Day.
        Instant received = ZonedDateTime.parse("2023-12-29T15:30+02:00[Europe/Helsinki]").toInstant();
        Instant due = finland.add(received, Duration.ofHours(4));
        // 30 minutes on Friday, 3 h 30 min on Tuesday.
        assertThat(due).isEqualTo(ZonedDateTime.parse("2024-01-02T11:30+02:00[Europe/Helsinki]").toInstant());
        assertThat(finland.between(received, due)).isEqualTo(Duration.ofHours(4));
        // end::finland[]
    }

    @Test
    void custom() {
        // tag::custom[]
        BusinessCalendar service = BusinessCalendar.builder()
                .zone("Europe/Helsinki")
                .weekdays("08:00-11:30", "12:00-16:00")                 // lunch 11:30-12:00
                .hours(DayOfWeek.SATURDAY, "10:00-14:00")
                .holidays(FinnishHolidays.all().without(MIDSUMMER_EVE)) // this team works on Midsummer Eve
                .closed(LocalDate.of(2025, 8, 15))                      // staff day
                .extraWorkingDay(LocalDate.of(2025, 12, 24), "08:00-12:00")
                .build();
        assertThat(service.isOpen(ZonedDateTime.parse("2025-06-20T09:00+03:00[Europe/Helsinki]").toInstant())).isTrue();
        assertThat(service.workingIntervalsOn(LocalDate.of(2025, 12, 24))).hasSize(1);
        // end::custom[]
    }

    @Test
    void team() {
        // tag::team[]
        BusinessCalendar base = BusinessCalendars.finland();
        BusinessCalendar payroll = base.toBuilder()
                .closed(LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 25))     // summer closure
                .closed(LocalDateTime.parse("2025-09-05T12:00"), LocalDateTime.parse("2025-09-05T16:00"))
                .build();
        Instant friday = ZonedDateTime.parse("2025-07-04T15:00+03:00[Europe/Helsinki]").toInstant();
        assertThat(payroll.add(friday, Duration.ofHours(2)))
                .isEqualTo(ZonedDateTime.parse("2025-07-28T09:00+03:00[Europe/Helsinki]").toInstant());
        assertThat(base.add(friday, Duration.ofHours(2)))
                .isEqualTo(ZonedDateTime.parse("2025-07-07T09:00+03:00[Europe/Helsinki]").toInstant());
        // end::team[]
    }

    @Test
    void dst() {
        // tag::dst[]
        // Sunday night shift 02:00-05:00. On 30 March 2025 the clocks jump from 03:00 to 04:00,
        // on 26 October 2025 from 04:00 back to 03:00.
        BusinessCalendar nights = BusinessCalendar.builder().hours(DayOfWeek.SUNDAY, "02:00-05:00").build();
        Duration spring = nights.between(ZonedDateTime.parse("2025-03-30T00:00+02:00[Europe/Helsinki]").toInstant(),
                ZonedDateTime.parse("2025-03-31T00:00+03:00[Europe/Helsinki]").toInstant());
        Duration autumn = nights.between(ZonedDateTime.parse("2025-10-26T00:00+03:00[Europe/Helsinki]").toInstant(),
                ZonedDateTime.parse("2025-10-27T00:00+02:00[Europe/Helsinki]").toInstant());
        assertThat(spring).isEqualTo(Duration.ofHours(2)); // the shift really lasts 2 hours
        assertThat(autumn).isEqualTo(Duration.ofHours(4)); // and 4 hours here
        // end::dst[]
    }

    static SlaPolicies guidePolicies() {
        // tag::policies[]
        SlaPolicies sla = SlaPolicies.builder()
                .calendar("office", BusinessCalendars.finland())
                .policy(SlaPolicy.builder("standard", "office")
                        .firstResponse(Duration.ofHours(8))
                        .nextResponse(Duration.ofHours(16))
                        .resolution(Duration.ofHours(40))
                        .warnAt(75)
                        .warnAt(90, Escalation.notifyTeamLead())
                        .atBreach(Escalation.raisePriority(), Escalation.reassignToTeamLead())
                        .build())
                .policy(SlaPolicy.builder("urgent", "office")
                        .firstResponse(Duration.ofHours(1))
                        .resolution(Duration.ofHours(8))
                        .warnAt(50, Escalation.notifyTeamLead())
                        .atBreach(Escalation.reassignToPair())
                        .build())
                .rule(SlaRule.use("urgent").whenType("HR").whenPriority(Priority.URGENT))
                .fallback("standard")
                .build();

        SlaPolicy policy = sla.policyFor(SlaSubject.of("HR", Priority.URGENT).classifiedAs("Palkka/Palkkavirhe"));
        Instant received = ZonedDateTime.parse("2025-06-06T15:30+03:00[Europe/Helsinki]").toInstant(); // Friday
        assertThat(policy.name()).isEqualTo("urgent");
        assertThat(sla.due(policy, SlaTarget.FIRST_RESPONSE, received))
                .contains(ZonedDateTime.parse("2025-06-09T08:30+03:00[Europe/Helsinki]").toInstant());
        // end::policies[]
        return sla;
    }

    @Test
    void policies() {
        assertThat(guidePolicies().policies()).hasSize(2);
    }

    @Test
    void theGuidesJsonDocumentIsTheSamePolicies() throws IOException {
        String guide = Files.readString(Path.of("../docs/sla.md"));
        Matcher json = Pattern.compile("<!-- json:policies[^>]*-->\\s*```json\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(json.find()).as("docs/sla.md has the policies JSON").isTrue();
        assertThat(SlaPolicyJson.read(json.group(1), Map.of("office", BusinessCalendars.finland())))
                .isEqualTo(guidePolicies());
    }

    @Test
    void theGuideShowsExactlyTheseExamples() throws IOException {
        String guide = Files.readString(Path.of("../docs/sla.md"));
        String source = Files.readString(Path.of("src/test/java/dev/tiketti/core/sla/SlaGuideSnippetsTest.java"));
        Map<String, String> inGuide = regions(guide, "<!-- snippet:(\\w+)[^>]*-->\\s*```java\\n(.*?)```");
        Map<String, String> inSource = regions(source, "// tag::(\\w+)\\[]\\n(.*?)\\s*// end::\\1\\[]");
        assertThat(inGuide).as("snippets in docs/sla.md").isNotEmpty();
        assertThat(inGuide).isEqualTo(inSource);
    }

    private static Map<String, String> regions(String text, String regex) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        while (m.find()) {
            out.put(m.group(1), GuideSnippet.dedent(m.group(2)));
        }
        return out;
    }
}
