package dev.tiketti.examples.hr;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.search.FoundTickets;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.sla.FiredTimer;
import dev.tiketti.core.sla.SlaClock;
import dev.tiketti.core.sla.SlaClocks;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.jpa.JpaStorage;
import dev.tiketti.search.LuceneSearch;
import dev.tiketti.search.LuceneSearchIndex;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A runnable host application: an HR service team that used to work from hr@company.example.fi.
 * Walks through opening tickets from mail and from a phone call, handling them, a refused
 * transition, the team's situational picture, one ticket's full history, and service levels: a
 * ticket's SLA clocks, then a reminder and an SLA warning firing as the clock moves on. People are
 * invented. Everything is kept in a database (an H2 file under {@code data/}, or PostgreSQL, see
 * {@link HrDatabase}), so each run adds to what earlier runs left.
 */
public final class HrHelpdesk {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d.M.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Helsinki"));

    /** The purpose the help desk reads requesters' data for. */
    static final PurposeId HR_SERVICE = PurposeId.of("hr-service");

    private final PrintStream out;

    HrHelpdesk(PrintStream out) {
        this.out = out;
    }

    /**
     * The walkthrough starts on a Monday morning in Helsinki, pinned, so that the reminder and the
     * SLA warning it shows fall within business hours whenever it is run. Every run starts at the
     * same instant, so its tickets' timers fall at the same times as those of earlier runs: the
     * ones earlier runs fired are done, and the later ones (90 %, breach) are never reached.
     */
    static final Instant WALKTHROUGH_START = Instant.parse("2025-03-03T06:15:00Z");

    /** Held so that the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger HIBERNATE = java.util.logging.Logger.getLogger("org.hibernate");

    public static void main(String[] args) {
        HIBERNATE.setLevel(java.util.logging.Level.WARNING); // its start-up banner would bury the walkthrough
        try (HrDatabase database = HrDatabase.fromSettings()) {
            System.out.println("Data in " + database.description() + (database.isDefault()
                    ? " (set " + HrDatabase.URL + " to use PostgreSQL; delete data/ to start afresh)" : ""));
            new HrHelpdesk(System.out).run(Clock.fixed(WALKTHROUGH_START, ZoneId.of("Europe/Helsinki")),
                    database.dataSource(), HrDatabase.defaultDataDirectory().resolve("search-index"));
        }
    }

    void run(Clock base, DataSource dataSource, Path searchDirectory) {
        AdvancingClock clock = new AdvancingClock(base);
        RecordingOutboundTransport outbox = new RecordingOutboundTransport();
        // tag::embed[]
        JpaStorage storage = JpaStorage.builder().dataSource(dataSource).migrate(true).build(); // H2 or PostgreSQL
        LuceneSearchIndex index = LuceneSearch.onDisk(searchDirectory); // this node's own index
        Ticketing ticketing = Ticketing.builder()
                .storage(storage)                   // every store, the outbox and the units of work, on JPA
                .searchIndex(index)                 // follows the change log in the database
                .erasureJournal(new InMemoryErasureJournal()) // no JPA one on purpose: it must outlive a restore
                .outboundTransport(outbox)          // SMTP in production; here we keep what is sent
                .clock(clock)
                .slaPolicies(HrSetup.slaPolicies())  // Finnish calendar: first response 4 h, resolution 3 days
                .reminder(HrSetup.unassignedReminder())
                .teamLead(HrSetup.HR, HrSetup.LEAD)
                .listener(event -> out.println("  event: " + event.getClass().getSimpleName() + " " + event.key()))
                .build();
        // end::embed[]
        try {
            ticketing.search().catchUp(); // the first run builds the index; later ones apply what changed
            walkthrough(ticketing, clock, outbox);
            search(ticketing);
        } finally {
            ticketing.close();
            index.close();
            storage.close();
        }
    }

    private void walkthrough(Ticketing ticketing, AdvancingClock clock, RecordingOutboundTransport outbox) {
        // Runs again on the same database: publishes only what changed, reuses what is there.
        List<String> published = HrSetup.define(ticketing);
        // What an earlier run committed but could not deliver (it stopped first) goes out now.
        int left = ticketing.events().deliverPending();
        // reads of a person's data name who reads and why, and land in the audit log (R8)
        ticketing.privacy().consents().registerPurpose(ConsentPurpose.of(HR_SERVICE.value(), "Handling your HR matters"));
        out.println("== Tiketti HR help desk ==");
        out.println("Workflows: " + ticketing.definitions().workflow("hr-general").orElseThrow().states().size()
                + " states in hr-general (Java builder), hr-personal loaded from JSON");
        out.println(published.isEmpty() ? "Workflows and ticket types unchanged since an earlier run"
                : "Published: " + String.join(", ", published));
        if (left > 0) {
            out.println("Delivered " + left + " event(s) an earlier run left in the outbox");
        }
        int earlier = ticketing.tickets().query(TicketQuery.all().team(HrSetup.HR)).size();
        out.println(earlier == 0 ? "No tickets yet: a fresh database"
                : "Found " + earlier + " tickets from earlier runs; this run adds three more");

        Actor maija = Actor.agent("maija", "hr");
        Actor pekka = Actor.agent("pekka", "hr");
        Contact aino = contact(ticketing, maija, Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi",
                AssuranceLevel.SUBSTANTIAL));
        Contact eero = contact(ticketing, maija, Contact.withEmail("Eero Korhonen", "eero.korhonen@example.fi",
                AssuranceLevel.NONE));
        Contact liisa = contact(ticketing, maija, Contact.withEmail("Liisa Nieminen", "liisa.nieminen@example.fi",
                AssuranceLevel.LOW).withPhone("+358 40 000 0001"));

        out.println();
        out.println("-- Intake --");
        Ticket leave = ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL)
                .body("Hei, voinko siirtää kesälomani elokuulle? Terveisin Aino")
                .classification("Palvelussuhde/Vuosiloma")
                .field("leaveYear", 2025)
                .field("daysRequested", 10));
        out.println("Mail from Aino     -> " + leave.key() + " " + leave.subject() + " [" + leave.state() + "]");
        Ticket certificate = ticketing.tickets().open(OpenTicket.of("salary-certificate", liisa.id(), "Palkkatodistus pankille",
                        Channel.PHONE)
                .body("Liisa soitti: tarvitsee palkkatodistuksen asuntolainaa varten.")
                .classification("Palkka/Palkkatodistus")
                .field("purpose", "loan")
                .by(pekka));
        out.println("Call from Liisa    -> " + certificate.key() + " " + certificate.subject()
                + " [" + certificate.state() + "]");
        Ticket employment = ticketing.tickets().open(OpenTicket.of("employment-matter", eero.id(), "Työsopimuksen muutos",
                        Channel.EMAIL)
                .body("Haluaisin muuttaa työaikani osa-aikaiseksi.")
                .classification("Palvelussuhde/Työsopimus"));
        out.println("Mail from Eero     -> " + employment.key() + " " + employment.subject()
                + " [" + employment.state() + "]");

        out.println();
        out.println("-- Handling --");
        leave = ticketing.tickets().transition(TransitionRequest.of(leave.id(), "start", maija));
        leave = ticketing.tickets().transition(TransitionRequest.of(leave.id(), "ask-customer", maija));
        ticketing.tickets().addEntry(NewEntry.inbound(leave.id(), Actor.contact(aino.id()), Channel.EMAIL,
                "Elokuun viikot 32-33 sopisivat parhaiten."));
        leave = ticketing.tickets().transition(TransitionRequest.of(leave.id(), "customer-replied", maija));
        leave = ticketing.tickets().transition(TransitionRequest.of(leave.id(), "resolve", maija)
                .resolution("Loma siirretty viikoille 32-33; esihenkilö hyväksyi."));
        leave = ticketing.tickets().transition(TransitionRequest.of(leave.id(), "close", maija));
        out.println(leave.key() + " is now " + leave.state() + ", resolution: " + leave.resolution().orElse("-"));

        certificate = ticketing.tickets().transition(TransitionRequest.of(certificate.id(), "start", pekka));
        ticketing.tickets().addEntry(NewEntry.note(certificate.id(), pekka, "Todistus pyydetty palkanlaskennasta."));
        out.println(certificate.key() + " is now " + certificate.state() + ", handled by "
                + certificate.assignee().map(Object::toString).orElse("nobody"));

        out.println();
        out.println("-- A refused transition --");
        try {
            ticketing.tickets().transition(TransitionRequest.of(employment.id(), "start", Actor.agent("ville", "payroll")));
        } catch (TransitionRejectedException e) {
            out.println("Ville tried to start " + employment.key() + " [" + e.code().id() + "]:");
            e.reasons().forEach(reason -> out.println("  - " + reason));
        }

        out.println();
        out.println("-- Situational picture (open tickets by state and handler) --");
        Map<String, Long> picture = new TreeMap<>(ticketing.tickets().query(TicketQuery.all().team(HrSetup.HR)).stream()
                .filter(t -> ticketing.tickets().category(t) != StateCategory.CLOSED)
                .collect(Collectors.groupingBy(t -> t.state() + " / " + t.assignee().map(Object::toString)
                        .orElse("(unassigned)"), Collectors.counting())));
        picture.forEach((stateAndHandler, count) -> out.println("  " + stateAndHandler + ": " + count));

        out.println();
        out.println("-- Full history of " + leave.key() + " --");
        for (HistoryEntry h : ticketing.tickets().history(leave.id())) {
            out.println("  #" + h.sequence() + " " + TIME.format(h.at()) + " " + who(ticketing, maija, h.actor()) + " " + h.action()
                    + h.transition().map(t -> " '" + t + "'").orElse("") + " " + describe(h));
        }
        out.println("-- Timeline of " + leave.key() + " --");
        for (TimelineEntry e : ticketing.tickets().timeline(leave.id())) {
            out.println("  " + TIME.format(e.at()) + " " + e.kind() + " (" + e.visibility() + ", " + e.channel()
                    + ") by " + who(ticketing, maija, e.author()) + ": " + e.body());
        }
        out.println();
        out.println("Messages handed to the outbound transport: " + outbox.sent().size());
        outbox.sent().forEach(m -> out.println("  to " + m.to().getClass().getSimpleName() + ": " + m.subject()));

        out.println();
        out.println("-- Service levels of " + employment.key() + " (policy '"
                + ticketing.sla().policy(employment.id()).name() + "') --");
        printClocks(ticketing.sla().clocks(employment.id()));
        int sentBefore = outbox.sent().size();
        // The host drives the timers: ticketing.timers().start() in production; here the clock moves on.
        clock.advance(Duration.ofHours(2));
        out.println("Two hours later, " + TIME.format(clock.instant()) + ", nobody has taken " + employment.key() + ":");
        printFired(ticketing.timers().tick());
        clock.advance(Duration.ofHours(1));
        out.println("One more hour, " + TIME.format(clock.instant()) + ", 75 % of the first-response time is used:");
        printFired(ticketing.timers().tick());
        printClocks(ticketing.sla().clocks(employment.id()));
        out.println("Notifications from the timers:");
        outbox.sent().subList(sentBefore, outbox.sent().size()).forEach(m ->
                out.println("  to " + m.to().getClass().getSimpleName() + ": " + m.subject()));
    }

    /** The contact already in the register under the same e-mail address (an audited read), or {@code fresh}. */
    /** R3: the handler on the phone finds the matter by a word in any inflection, or by the caller's e-mail. */
    private void search(Ticketing ticketing) {
        out.println();
        out.println("-- Search (Lucene, Finnish analysis) --");
        FoundTickets byWord = ticketing.search().find(SearchQuery.builder().text("vuosilomaa")
                .facets(SearchFacet.STATE).limit(3).build());
        out.println("'vuosilomaa' finds " + byWord.total() + " ticket(s); by state " + byWord.facets()
                .get(SearchFacet.STATE));
        byWord.hits().forEach(h -> out.println("  " + h.ticket().key() + " " + h.snippet().orElse(h.ticket().subject())));
        FoundTickets byMail = ticketing.search().find(SearchQuery.builder().requesterEmail("Liisa.Nieminen@example.fi")
                .limit(3).build());
        out.println("Liisa.Nieminen@example.fi finds " + byMail.total() + " ticket(s), e.g. "
                + byMail.hits().stream().map(h -> h.ticket().key().toString()).toList());
    }

    private static Contact contact(Ticketing ticketing, Actor reader, Contact fresh) {
        return ticketing.privacy().access().findContactByEmail(fresh.emails().get(0), reader, HR_SERVICE)
                .orElseGet(() -> ticketing.privacy().register().save(fresh));
    }

    private void printClocks(SlaClocks clocks) {
        for (SlaClock c : clocks.clocks().values()) {
            out.println("  " + c.target() + " " + c.status() + ", used " + hours(c.used()) + " of "
                    + hours(c.allowed()) + c.due().map(d -> ", due " + TIME.format(d)).orElse(""));
        }
    }

    private void printFired(List<FiredTimer> fired) {
        if (fired.isEmpty()) {
            out.println("  (nothing fired: outside business hours, timers wait for the next opening)");
        }
        fired.forEach(f -> out.println("  fired " + f.id().kind()));
    }

    private static String hours(Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    /** The host's clock, moved forward by the walkthrough to show timers firing. */
    static final class AdvancingClock extends Clock {
        private final Clock base;
        private volatile Duration offset = Duration.ZERO;

        AdvancingClock(Clock base) {
            this.base = base;
        }

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset);
        }
    }

    /** History keeps ids only; the host resolves them to names for display, as an audited read by the viewer. */
    private static String who(Ticketing ticketing, Actor viewer, Actor actor) {
        return actor.kind() == Actor.Kind.CONTACT
                ? ticketing.privacy().access().findContact(ContactId.of(actor.id()), viewer, HR_SERVICE).map(Contact::name)
                        .orElse(actor.toString())
                : actor.toString();
    }

    private static String describe(HistoryEntry h) {
        return h.changes().stream()
                .map((FieldChange c) -> c.field() + ": " + c.from().orElse("-") + " -> " + c.to().orElse("-"))
                .collect(Collectors.joining(", "));
    }
}
