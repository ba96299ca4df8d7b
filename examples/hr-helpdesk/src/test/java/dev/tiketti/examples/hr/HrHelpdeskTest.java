package dev.tiketti.examples.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough on a fresh H2 file database of its own, as the README's first command runs it. */
class HrHelpdeskTest {

    @TempDir
    Path data;

    private String walkthrough() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HrDatabase database = HrDatabase.h2File(data.resolve("hr-helpdesk"))) {
            new HrHelpdesk(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                    .run(Clock.fixed(Instant.parse("2025-03-03T08:15:00Z"), ZoneOffset.UTC), database.dataSource(),
                            data.resolve("search-index"));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFreshDatabaseGetsTheDefinitionsAndNoEarlierTickets() {
        String out = walkthrough();
        assertThat(out).contains("No tickets yet: a fresh database",
                "Published: workflow hr-general v1, workflow hr-personal v1, type annual-leave");
    }

    @Test
    void aSecondRunOnTheSameFileSeesTheFirstRunsTicketsAndContinuesTheKeys() throws SQLException {
        String first = walkthrough();
        String second = walkthrough();
        assertThat(first).contains("Mail from Eero     -> HR-3");
        assertThat(second).contains("Workflows and ticket types unchanged since an earlier run",
                "Found 3 tickets from earlier runs; this run adds three more",
                "Mail from Aino     -> HR-4", "Call from Liisa    -> HR-5", "Mail from Eero     -> HR-6",
                "HR-4 is now CLOSED, resolution: Loma siirretty",
                "Ville tried to start HR-6 [TKT-0302]",
                "identified at level SUBSTANTIAL (now NONE)");
        // the situational picture counts both runs' open tickets
        assertThat(second).contains("NEW / (unassigned): 2", "OPEN / pekka: 2");
        // contacts are found by e-mail, not registered again: HR-4's history names Aino from the register
        assertThat(second).contains("-- Full history of HR-4 --", "by Aino Virtanen: Elokuun viikot");
        // the first run's timers fired in the first run; the second fires only its own tickets'
        String timers = second.substring(second.indexOf("Two hours later"));
        assertThat(timers).contains("  event: ReminderDue HR-6\n", "  event: SlaWarning HR-5\n",
                "  event: SlaWarning HR-6\n");
        assertThat(timers).doesNotContain("HR-2\n", "HR-3\n", "ReminderDue HR-3");
        assertThat(contactsInTheDatabase()).as("contacts found by e-mail are not registered again").isEqualTo(3);
    }

    private long contactsInTheDatabase() throws SQLException {
        try (HrDatabase database = HrDatabase.h2File(data.resolve("hr-helpdesk"));
             Connection c = database.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM tkt_contact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void walkthroughOpensTicketsFromMailAndPhoneAndClosesOne() {
        String out = walkthrough();
        assertThat(out).contains("Mail from Aino     -> HR-1", "Call from Liisa    -> HR-2", "Mail from Eero     -> HR-3");
        assertThat(out).contains("HR-1 is now CLOSED, resolution: Loma siirretty");
        assertThat(out).contains("HR-2 is now OPEN, handled by pekka");
    }

    @Test
    void refusedTransitionShowsEveryReason() {
        String out = walkthrough();
        assertThat(out).contains("Ville tried to start HR-3 [TKT-0302]")
                .contains("only someone with role 'hr' may do this")
                .contains("identified at level SUBSTANTIAL (now NONE)");
    }

    @Test
    void situationalPictureAndHistoryAreShown() {
        String out = walkthrough();
        assertThat(out).contains("NEW / (unassigned): 1", "OPEN / pekka: 1");
        assertThat(out).contains("#7 3.3.2025 10:15:00 agent:maija TRANSITIONED 'close' state: RESOLVED -> CLOSED");
        assertThat(out).contains("Messages handed to the outbound transport: 2");
    }

    @Test
    void slaClocksOfATicketAndAReminderAndAWarningFiringOnThePinnedClock() {
        String out = walkthrough();
        // Opened Monday 3.3.2025 10:15 (Helsinki): 4 business hours for the first answer, 3 days to resolve.
        assertThat(out).contains("-- Service levels of HR-3 (policy 'hr-standard') --",
                "  FIRST_RESPONSE RUNNING, used 0 h 0 min of 4 h 0 min, due 3.3.2025 14:15:00",
                "  RESOLUTION RUNNING, used 0 h 0 min of 24 h 0 min, due 6.3.2025 10:15:00");
        String reminder = out.substring(out.indexOf("Two hours later, 3.3.2025 12:15:00, nobody has taken HR-3:"));
        assertThat(reminder).startsWith("Two hours later, 3.3.2025 12:15:00, nobody has taken HR-3:\n"
                + "  event: ReminderDue HR-3\n  fired sla.reminder\nOne more hour, 3.3.2025 13:15:00");
        String warning = out.substring(out.indexOf("One more hour, 3.3.2025 13:15:00"));
        // HR-2 (a phone call, never answered in writing) and HR-3 both reach 75 %; HR-1 was answered by its resolution.
        assertThat(warning).contains("  event: SlaWarning HR-2\n", "  event: SlaWarning HR-3\n",
                "  FIRST_RESPONSE RUNNING, used 3 h 0 min of 4 h 0 min, due 3.3.2025 14:15:00",
                "  to ToTeam: [HR-3] Reminder: unassigned-2h",
                "  to ToAgent: [HR-3] SLA warning: FIRST_RESPONSE 75 % used");
        assertThat(warning).doesNotContain("SlaWarning HR-1", "ReminderDue");
        assertThat(out).contains("  event: SlaMet HR-1");
    }

    @Test
    void theLuceneIndexFindsAnInflectedWordAndAnAddressInAnyCase() {
        String out = walkthrough();
        // HR-1 "Vuosiloman siirto" is found by another inflection, Liisa's ticket by her address in other case
        assertThat(out).contains("'vuosilomaa' finds 1 ticket(s); by state {CLOSED=1}", "  HR-1 ",
                "Liisa.Nieminen@example.fi finds 1 ticket(s), e.g. [HR-2]");
        String again = walkthrough(); // the index on disk follows the database's change log across runs
        assertThat(again).contains("'vuosilomaa' finds 2 ticket(s)", "Liisa.Nieminen@example.fi finds 2 ticket(s)");
    }
}
