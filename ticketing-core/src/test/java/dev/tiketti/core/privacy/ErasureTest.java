package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErasureTest {
    static final String HETU = "131052-308T";
    static final Actor DPO = Actor.agent("tietosuoja", "dpo");

    final PrivacyWorld w = new PrivacyWorld();
    final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "+358 40 123 4567");
    final Contact pekka = w.contact(2, "Pekka Mäkinen", "pekka.makinen@example.fi", "");
    final Contact matti = w.contact(3, "Matti Korhonen", "matti.korhonen@example.com", "");
    final Redactor ainoRedactor = Redactor.builder().detect(PersonalDataKind.KNOWN_TERM).contact(aino)
            .knownTerm(HETU).knownTerm("040-123 4567").knownTerm("040 123 4567").build();

    Ticket ainoOpen;
    Ticket ainoClosed;
    Ticket ainoPayroll;
    Ticket mattis;
    AttachmentRef letter;

    void scenario() {
        ainoOpen = w.open("general", aino.id(), "Aino Virtanen: lomakysymys",
                "Hei, olen Aino Virtanen (" + HETU + "), puh 040 123 4567.");
        letter = w.text("kirje.txt", "Terveisin Aino Virtanen, aino.virtanen@example.fi");
        ainoClosed = w.open("general", aino.id(), "Todistus", "Tarvitsen työtodistuksen.");
        w.ticketing.tickets().addEntry(NewEntry.inbound(ainoClosed.id(), Actor.contact(aino.id()), dev.tiketti.core.common.Channel.EMAIL,
                "Liitteenä kirje").withAttachment(letter));
        ainoClosed = w.close(ainoClosed);
        ainoPayroll = w.close(w.open("payroll", aino.id(), "Palkkalaskelma Virtaselle", "Aino Virtasen palkka"));
        mattis = w.open("general", matti.id(), "Tiimin lomat", "Kysyin Ainolta, Virtasen mukaan ok. "
                + "Hänen osoitteensa aino.virtanen@example.fi ja tunnus " + HETU + ".");
        w.ticketing.tickets().addEntry(NewEntry.note(mattis.id(), PrivacyWorld.AGENT, "Soita Ainolle numeroon 040-123 4567 tai 040 123 4567"));
    }

    ErasureRequest request() {
        return ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("lomake-2025-17")).withSubstitute(pekka.id());
    }

    @Test
    void removesThePersonFromEveryTicketIncludingOtherPeoplesAndHandsOverOpenOnes() {
        scenario();
        ErasureReport report = w.privacy.erasure().erase(request());

        assertThat(report.status()).isEqualTo(ErasureReport.Status.COMPLETED);
        Map<String, String> texts = w.everyText();
        assertThat(texts).allSatisfy((where, text) -> assertThat(ainoRedactor.scan(text)).as(where).isEmpty());
        assertThat(w.ticketing.tickets().timeline(mattis.id()).get(0).body())
                .isEqualTo("Kysyin xxxxxx, xxxxxx mukaan ok. Hänen osoitteensa xxxxxx ja tunnus xxxxxx.");
        assertThat(w.ticketing.tickets().get(ainoOpen.id()).requester()).isEqualTo(pekka.id());
        assertThat(w.ticketing.tickets().get(ainoOpen.id()).subject()).isEqualTo("xxxxxx: lomakysymys");
        assertThat(w.ticketing.tickets().get(ainoClosed.id()).requester()).isEqualTo(aino.id());
        Contact erased = w.contactStore.find(aino.id()).orElseThrow();
        assertThat(erased.active()).isFalse();
        assertThat(erased.name()).isEqualTo("xxxxxx");
        assertThat(erased.emails()).isEmpty();
        assertThat(erased.phones()).isEmpty();
        assertThat(report.items()).contains(new ErasureItem(ErasureItem.Store.TICKETS, ainoOpen.key().toString(),
                DataCategory.CONTACT_IDENTITY, new ErasureOutcome.Moved(pekka.id())));
        // the standard policy deletes attachments of the person's tickets
        assertThat(w.attachmentStore.get(letter.sha256())).isEmpty();
        assertThat(w.ticketing.tickets().timeline(ainoClosed.id()).get(1).attachments()).isEmpty();
    }

    @Test
    void theReportAndTheEventHoldIdsAndCountsButNoPersonalData() {
        scenario();
        ErasureReport report = w.privacy.erasure().erase(request());

        Redactor everything = Redactor.builder().detect(PersonalDataKind.KNOWN_TERM).contact(aino).knownTerm(HETU)
                .build();
        assertThat(everything.scan(report.toString())).isEmpty();
        assertThat(everything.scan(w.privacyEvents.toString())).isEmpty();
        assertThat(report.counts()).containsKeys(ErasureItem.Store.TICKETS, ErasureItem.Store.CONTACTS);
        assertThat(w.privacyEvents).singleElement().isInstanceOfSatisfying(PrivacyEvent.ContactErased.class, e -> {
            assertThat(e.contact()).isEqualTo(aino.id());
            assertThat(e.tickets()).contains(ainoOpen.key().toString(), mattis.key().toString());
        });
    }

    @Test
    void typeRetentionKeepsPayrollRecordsAndSaysOnWhatBasisUntilWhen() {
        scenario();
        ErasurePolicy policy = ErasurePolicy.builder().retainType("payroll", LegalBasis.LEGAL_OBLIGATION,
                "payroll records, Kirjanpitolaki 2:10", Period.ofYears(6)).build();
        ErasureReport report = w.privacy.erasure().erase(request(), policy);

        assertThat(report.retained()).contains(new ErasureItem(ErasureItem.Store.TICKETS,
                ainoPayroll.key().toString(), DataCategory.TICKET_TEXT, new ErasureOutcome.Retained(new Retention(
                LegalBasis.LEGAL_OBLIGATION, "payroll records, Kirjanpitolaki 2:10",
                Optional.of(LocalDate.of(2031, 3, 3))))));
        assertThat(w.ticketing.tickets().get(ainoPayroll.id()).subject()).isEqualTo("Palkkalaskelma Virtaselle");
        // everything else is gone
        w.everyText().forEach((where, text) -> {
            if (!where.startsWith(ainoPayroll.key().toString())) {
                assertThat(ainoRedactor.scan(text)).as(where).isEmpty();
            }
        });
    }

    @Test
    void aServiceContractInForceKeepsTheTicketsOfThatOrganisation() {
        Organization org = w.privacy.register().save(Organization.named("Esimerkki Oy"));
        w.privacy.register().save(Membership.of(aino.id(), org.id(), Membership.MAIN_USER)
                .withContract(ServiceContract.between("SOP-7", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))));
        Ticket t = w.close(w.ticketing.tickets().open(dev.tiketti.core.ticket.OpenTicket.of("general", aino.id(), "Aino Virtanen",
                dev.tiketti.core.common.Channel.EMAIL).organization(org.id())));

        ErasureReport report = w.privacy.erasure().erase(request());

        assertThat(report.retained()).extracting(ErasureItem::item).contains(t.key().toString());
        assertThat(report.retained()).filteredOn(i -> i.item().equals(t.key().toString())).singleElement()
                .extracting(i -> ((ErasureOutcome.Retained) i.outcome()).retention())
                .satisfies(r -> {
                    assertThat(r.basis()).isEqualTo(LegalBasis.CONTRACT);
                    assertThat(r.until()).contains(LocalDate.of(2026, 12, 31));
                });
        assertThat(w.privacy.register().memberships(aino.id())).hasSize(1);
    }

    @Test
    void deletePolicyRemovesClosedTicketsOfThePerson() {
        scenario();
        ErasurePolicy policy = ErasurePolicy.builder().action(DataCategory.TICKET_TEXT, ErasureAction.DELETE).build();
        w.privacy.erasure().erase(request(), policy);

        assertThat(w.ticketing.tickets().find(ainoClosed.id())).isEmpty();
        assertThat(w.ticketing.tickets().find(ainoPayroll.id())).isEmpty();
        assertThat(w.ticketing.tickets().find(ainoOpen.id())).isPresent(); // open: handed over, not deleted
        assertThat(w.ticketing.tickets().find(mattis.id())).isPresent();   // other people's tickets are never deleted
    }

    @Test
    void anonymisingAttachmentsRedactsTextContentAndReplacesTheReference() {
        scenario();
        ErasurePolicy policy = ErasurePolicy.builder().action(DataCategory.ATTACHMENTS, ErasureAction.ANONYMISE)
                .replacement("[poistettu]").build();
        w.privacy.erasure().erase(request(), policy);

        AttachmentRef now = w.ticketing.tickets().timeline(ainoClosed.id()).get(1).attachments().get(0);
        assertThat(now.sha256()).isNotEqualTo(letter.sha256());
        assertThat(new String(w.ticketing.attachments().content(now).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("Terveisin [poistettu], [poistettu]");
        assertThat(w.attachmentStore.get(letter.sha256())).isEmpty();
        assertThat(w.contactStore.find(aino.id()).orElseThrow().name()).isEqualTo("[poistettu]");
    }

    @Test
    void consentsAreDeletedAndAccessRecordsKeptAsIdsOnly() {
        w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONSENT, "Saamme käsitellä", "v1",
                dev.tiketti.core.common.Channel.WEB_FORM, Optional.empty());
        w.privacy.access().readContact(aino.id(), PrivacyWorld.AGENT, PrivacyWorld.SERVICE);

        ErasureReport report = w.privacy.erasure().erase(request());

        assertThat(w.privacy.access().accessesTo(aino.id())).hasSize(1);
        assertThat(w.privacy.access().consents(aino.id(), PrivacyWorld.AGENT, PrivacyWorld.SERVICE)).isEmpty();
        assertThat(report.items()).anySatisfy(i -> assertThat(i.store()).isEqualTo(ErasureItem.Store.AUDIT_LOG));
        assertThat(report.items()).anySatisfy(i -> {
            assertThat(i.store()).isEqualTo(ErasureItem.Store.CONSENTS);
            assertThat(i.outcome()).isEqualTo(new ErasureOutcome.Deleted());
        });
    }

    @Test
    void runningACompletedRequestAgainReturnsItsReportAndChangesNothing() {
        scenario();
        ErasureRequest request = request();
        ErasureReport first = w.privacy.erasure().erase(request);
        List<String> state = w.normalisedState();

        assertThat(w.privacy.erasure().erase(request)).isEqualTo(first);
        assertThat(w.normalisedState()).isEqualTo(state);
        assertThat(w.privacyEvents).hasSize(1);
    }

    @Test
    void anInterruptedRunIsRecordedAsPartialAndFinishingItEqualsAnUninterruptedRun() {
        ErasureTest twin = new ErasureTest(); // the same scenario in a world of its own, erased without failure
        twin.scenario();
        twin.w.privacy.erasure().erase(twin.request());

        scenario();
        ErasureRequest request = request();
        w.failAfter.set(3);
        TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy.erasure().erase(request));
        assertThat(e.code()).isEqualTo(ErrorCode.ERASURE_INCOMPLETE);
        assertThat(e.retryable()).isTrue();
        assertThat(w.privacy.erasure().find(request.id()).orElseThrow().status()).isEqualTo(ErasureReport.Status.PARTIAL);

        ErasureReport finished = w.privacy.erasure().erase(request);

        assertThat(finished.status()).isEqualTo(ErasureReport.Status.COMPLETED);
        assertThat(w.normalisedState()).isEqualTo(twin.w.normalisedState());
    }

    @Test
    void replayAfterARestoreErasesWhomTheBackupBroughtBack() {
        scenario();
        w.privacy.erasure().erase(request());
        // a restore brings back the register record and a ticket that mentions her
        w.privacy.register().save(aino);
        Ticket restored = w.open("general", matti.id(), "Palautettu", "Aino Virtanen soitti");
        w.privacyEvents.clear();

        List<ErasureReport> replayed = w.privacy.erasure().replay();

        assertThat(replayed).singleElement().extracting(ErasureReport::status)
                .isEqualTo(ErasureReport.Status.COMPLETED);
        assertThat(w.ticketing.tickets().timeline(restored.id()).get(0).body()).isEqualTo("xxxxxx soitti");
        assertThat(w.contactStore.find(aino.id()).orElseThrow().name()).isEqualTo("xxxxxx");
        assertThat(w.privacy.erasure().all()).hasSize(2);
        assertThat(w.privacyEvents).hasSize(1);
        assertThat(w.privacy.erasure().replay()).hasSize(1); // once per contact, not once per journal record
    }

    @Test
    void aReplayThatCannotEraseOneContactStillErasesTheOthersAndSaysWhichFailed() {
        scenario();
        w.close(mattis);
        ErasureRequest ainos = request();
        w.privacy.erasure().erase(ainos);
        w.privacy.erasure().erase(ErasureRequest.of(matti.id(), DPO, new ErasureSource.Form("f-9")));
        w.privacy.register().save(aino);   // both come back from a backup
        w.privacy.register().save(matti);
        w.privacy.register().save(w.contactStore.find(pekka.id()).orElseThrow().deactivated()); // her substitute left

        TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy.erasure().replay());

        assertThat(e.code()).isEqualTo(ErrorCode.ERASURE_INCOMPLETE);
        assertThat(e.getMessage()).contains(ainos.id().toString(), "TKT-0807").doesNotContain("Aino");
        assertThat(w.contactStore.find(matti.id()).orElseThrow().name()).isEqualTo("xxxxxx");
        assertThat(w.contactStore.find(aino.id()).orElseThrow().name()).isEqualTo("Aino Virtanen");
    }

    @Test
    void aNameThatContainsTheReplacementTokenIsStillErased() {
        Contact odd = w.contact(7, "Xxxxxx Lahtinen", "x.lahtinen@example.fi", "");
        Ticket t = w.close(w.open("general", odd.id(), "Lahtinen kysyy", "Terveisin Xxxxxx Lahtinen"));
        Ticket other = w.open("general", matti.id(), "Asia", "Lahtisen mukaan");

        w.privacy.erasure().erase(ErasureRequest.of(odd.id(), DPO, new ErasureSource.Form("f-3")));

        assertThat(w.ticketing.tickets().timeline(t.id()).get(0).body()).isEqualTo("Terveisin xxxxxx"); // the full name is one term
        assertThat(w.ticketing.tickets().timeline(other.id()).get(0).body()).isEqualTo("xxxxxx mukaan");
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownContactFailsAndChangesNothing() {
            scenario();
            List<String> before = w.normalisedState();
            ErasureRequest unknown = ErasureRequest.of(PrivacyWorld.id(99), DPO, new ErasureSource.Form("f-1"));

            assertThatThrownBy(() -> w.privacy.erasure().erase(unknown)).isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_NOT_FOUND));
            assertThat(w.normalisedState()).isEqualTo(before);
            assertThat(w.privacy.erasure().all()).isEmpty();
        }

        @Test
        void aSubstituteThatIsThePersonInactiveOrUnknownFailsAndChangesNothing() {
            scenario();
            List<String> before = w.normalisedState();
            w.privacy.register().save(w.contactStore.find(matti.id()).orElseThrow().deactivated());
            ErasureRequest base = ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("f-1"));
            List<String> afterDeactivation = w.normalisedState();

            for (var sub : List.of(aino.id(), matti.id(), PrivacyWorld.id(98))) {
                TicketingException e = catchThrowableOfType(TicketingException.class,
                        () -> w.privacy.erasure().erase(base.withSubstitute(sub)));
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SUBSTITUTE);
                assertThat(e.getMessage()).contains(aino.id().toString()).doesNotContain("Aino", "Virtanen");
            }
            assertThat(w.normalisedState()).isEqualTo(afterDeactivation).isNotEqualTo(before);
            assertThat(w.privacy.erasure().all()).isEmpty();
        }

        @Test
        void aRequestFromAnUnknownTicketFailsAndChangesNothing() {
            scenario();
            List<String> before = w.normalisedState();
            ErasureRequest fromNowhere = ErasureRequest.of(aino.id(), DPO,
                    new ErasureSource.FromTicket(dev.tiketti.core.common.TicketId.random())).withSubstitute(pekka.id());

            assertThatThrownBy(() -> w.privacy.erasure().erase(fromNowhere)).isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_NOT_FOUND));
            assertThat(w.normalisedState()).isEqualTo(before);
            assertThat(w.privacy.erasure().all()).isEmpty();
        }

        @Test
        void openTicketsWithoutAnySubstituteFailWithNoSubstitute() {
            scenario();
            List<String> before = w.normalisedState();
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy.erasure().erase(
                    ErasureRequest.of(aino.id(), DPO, new ErasureSource.FromTicket(mattis.id()))));

            assertThat(e.code()).isEqualTo(ErrorCode.NO_SUBSTITUTE);
            assertThat(e.getMessage()).contains("withSubstitute");
            assertThat(w.normalisedState()).isEqualTo(before);
        }

        @Test
        void theOrganisationsDefaultSubstituteIsUsedWhenNoneIsNamed() {
            scenario();
            Organization org = w.privacy.register().save(Organization.named("Esimerkki Oy")
                    .withDefaultSubstitute(pekka.id()));
            w.privacy.register().save(Membership.of(aino.id(), org.id(), Membership.MEMBER));

            w.privacy.erasure().erase(ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("f-2")));

            assertThat(w.ticketing.tickets().get(ainoOpen.id()).requester()).isEqualTo(pekka.id());
        }

        @Test
        void policyMistakesFailWhenSet() {
            assertThatThrownBy(() -> ErasurePolicy.builder().action(DataCategory.ATTACHMENTS, ErasureAction.RETAIN))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ERASURE_POLICY));
            assertThatThrownBy(() -> ErasurePolicy.builder().retainType("payroll", LegalBasis.LEGAL_OBLIGATION,
                    "payroll", Period.ZERO)).isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ERASURE_POLICY));
            assertThatThrownBy(() -> new Retention(LegalBasis.CONSENT, "x", Optional.empty()))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ERASURE_POLICY));
        }
    }
}
