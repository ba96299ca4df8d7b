package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrivacyFacadeTest {

    @Nested
    class AuditedReads {
        final PrivacyWorld w = new PrivacyWorld();
        final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");

        @Test
        void everyReadIsRecordedWithActorPurposeAndWhatWasReadAndWhoAccessedIsOneCall() {
            w.privacy.access().readContact(aino.id(), PrivacyWorld.AGENT, PrivacyWorld.SERVICE);
            w.clock.advance(Duration.ofMinutes(5));
            Actor kaisa = Actor.agent("kaisa", "hr");
            w.privacy.access().consents(aino.id(), kaisa, PrivacyWorld.SERVICE);

            List<AccessRecord> accesses = w.privacy.access().accessesTo(aino.id());

            assertThat(accesses).extracting(AccessRecord::actor, AccessRecord::read).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(PrivacyWorld.AGENT, List.of("contact")),
                    org.assertj.core.groups.Tuple.tuple(kaisa, List.of("consents")));
            assertThat(accesses.get(0).at()).isEqualTo(PrivacyWorld.START);
            assertThat(accesses).allSatisfy(a -> assertThat(a.toString()).doesNotContain("Aino", "example.fi"));
        }

        @Test
        void aReadForAnUnregisteredPurposeFailsAndIsNotRecorded() {
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy.access().readContact(
                    aino.id(), PrivacyWorld.AGENT, PurposeId.of("marketing")));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONSENT_PURPOSE);
            assertThat(e.getMessage()).contains("marketing", "customer-service");
            assertThat(w.privacy.access().accessesTo(aino.id())).isEmpty();
        }

        @Test
        void readingAnUnknownContactFails() {
            assertThatThrownBy(() -> w.privacy.access().readContact(PrivacyWorld.id(99), PrivacyWorld.AGENT,
                    PrivacyWorld.SERVICE)).isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_NOT_FOUND));
        }

        @Test
        void consentForAnUnknownPurposeFailsAndAWithdrawnOneIsNoBasis() {
            assertThatThrownBy(() -> w.privacy.consents().record(aino.id(), PurposeId.of("newsletter"),
                    LegalBasis.CONSENT, "Uutiskirje", "v1", Channel.WEB_FORM, Optional.empty()))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONSENT_PURPOSE));
            Consent c = w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONSENT, "Palvelu", "v1",
                    Channel.WEB_FORM, Optional.of("form:17"));
            w.privacy.consents().withdraw(c.id());

            assertThatThrownBy(() -> w.privacy.consents().requireBasis(aino.id(), PrivacyWorld.SERVICE))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_WITHDRAWN));
        }

        @Test
        void organisationsAndMembershipsGoThroughTheRegisterRules() {
            Organization org = w.privacy.register().save(Organization.named("Esimerkki Oy"));
            w.privacy.register().save(Membership.of(aino.id(), org.id(), Membership.MAIN_USER));

            assertThat(w.privacy.register().organization(org.id())).contains(org);
            assertThat(w.privacy.register().memberships(aino.id())).singleElement().extracting(Membership::role)
                    .isEqualTo(Membership.MAIN_USER);
            assertThatThrownBy(() -> w.privacy.register().save(Membership.of(aino.id(),
                    Organization.named("Ei tallennettu").id(), Membership.MEMBER)))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ORGANIZATION_NOT_FOUND));
        }
    }

    @Nested
    class LegalBasisRule {
        final PrivacyWorld w = new PrivacyWorld(b -> b.requireLegalBasis(PrivacyWorld.SERVICE)
                .privacyNoticeUrl("https://example.fi/tietosuoja"));
        final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");

        @Test
        void openingATicketForAContactWithoutABasisFailsAndCreatesNothing() {
            TicketingException e = catchThrowableOfType(TicketingException.class,
                    () -> w.open("general", aino.id(), "Kysymys", "Hei"));

            assertThat(e.code()).isEqualTo(ErrorCode.NO_LEGAL_BASIS);
            assertThat(e.getMessage()).contains(aino.id().toString(), "customer-service").doesNotContain("Aino");
            assertThat(w.ticketing.tickets().query(TicketQuery.all())).isEmpty();
        }

        @Test
        void withABasisTicketsOpenAndMessagesGoOutWithThePrivacyNoticeLink() {
            w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONTRACT, "Työsuhde", "v1",
                    Channel.OTHER, Optional.empty());
            Ticket opened = w.open("general", aino.id(), "Kysymys", "Hei");
            Ticket t = w.ticketing.tickets().transition(TransitionRequest.of(opened.id(), "start", PrivacyWorld.AGENT));
            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", PrivacyWorld.AGENT));

            assertThat(w.outbox.sent()).singleElement().satisfies(m ->
                    assertThat(m.body()).isEqualTo("About " + t.key() + ": see https://example.fi/tietosuoja"));
            assertThat(w.privacy.consents().privacyNoticeUrl()).contains("https://example.fi/tietosuoja");
        }

        @Test
        void aWithdrawnBasisStopsRepliesAndNotificationsAndNothingIsSent() {
            Consent c = w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONSENT, "Palvelu", "v1",
                    Channel.WEB_FORM, Optional.empty());
            Ticket t = w.ticketing.tickets().transition(TransitionRequest.of(w.open("general", aino.id(), "Kysymys", "Hei").id(),
                    "start", PrivacyWorld.AGENT));
            w.privacy.consents().withdraw(c.id());

            assertThatThrownBy(() -> w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), PrivacyWorld.AGENT, "Vastaus")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_WITHDRAWN));
            assertThatThrownBy(() -> w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", PrivacyWorld.AGENT)))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_WITHDRAWN));
            assertThat(w.outbox.sent()).isEmpty();
            assertThat(w.ticketing.tickets().timeline(t.id())).hasSize(1);
            assertThat(w.ticketing.tickets().get(t.id()).version()).isEqualTo(t.version());
        }

        @Test
        void internalNotesNeedNoBasis() {
            w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONSENT, "Palvelu", "v1",
                    Channel.WEB_FORM, Optional.empty());
            Ticket t = w.open("general", aino.id(), "Kysymys", "Hei");
            w.privacy.consents().withdraw(w.privacy.consents().requireBasis(aino.id(), PrivacyWorld.SERVICE).id());

            w.ticketing.tickets().addEntry(NewEntry.note(t.id(), PrivacyWorld.AGENT, "Suostumus peruttu"));

            assertThat(w.ticketing.tickets().timeline(t.id())).hasSize(2);
        }
    }

    @Nested
    class Builder {
        @Test
        void withoutAPrivacyNoticeUrlThePlaceholderIsEmptyAndTheRuleIsOff() {
            PrivacyWorld w = new PrivacyWorld();
            Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");
            Ticket t = w.ticketing.tickets().transition(TransitionRequest.of(w.open("general", aino.id(), "Kysymys", "Hei").id(),
                    "start", PrivacyWorld.AGENT));
            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", PrivacyWorld.AGENT));

            assertThat(w.outbox.sent()).singleElement().extracting(m -> m.body()).isEqualTo("About HR-1: see ");
            assertThat(w.privacy.consents().legalBasisRule()).isEmpty();
        }

        @Test
        void aPrivacyNoticeUrlMustBeAnAbsoluteHttpUrl() {
            for (String bad : List.of("tietosuoja.html", "ftp://example.fi/x", "https://exa mple.fi")) {
                TicketingException e = catchThrowableOfType(TicketingException.class,
                        () -> Ticketing.builder().privacyNoticeUrl(bad));
                assertThat(e.code()).as(bad).isEqualTo(ErrorCode.INVALID_URL);
                assertThat(e.getMessage()).contains("https://example.fi/tietosuoja");
            }
        }

        @Test
        void privacySlotsAreSetOnceAndFilledByInMemory() {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> Ticketing.builder()
                    .auditLog(new InMemoryAuditLog()).auditLog(new InMemoryAuditLog()));
            assertThat(e.getMessage()).contains("auditLog was already set");
            InMemoryAuditLog explicit = new InMemoryAuditLog();
            Ticketing late = Ticketing.builder().inMemory().auditLog(explicit).build();
            late.privacy().consents().registerPurpose(ConsentPurpose.of("customer-service", "Service requests"));
            Contact aino = late.privacy().register().save(Contact.withEmail("Aino Virtanen", "aino@example.fi",
                    AssuranceLevel.LOW));
            late.privacy().access().readContact(aino.id(), Actor.system(), PurposeId.of("customer-service"));
            assertThat(explicit.forContact(aino.id())).as("the audit log set after inMemory() records the read")
                    .hasSize(1);
            assertThat(Ticketing.builder().inMemory().build().privacy().erasure().all()).isEmpty();
        }
    }
}
