package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.internal.ConsentRequests;
import dev.tiketti.core.spi.ConsentRequestMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The consent-request flow of issue #4 item 2: templated request, reply token, answer as evidence. */
class ConsentRequestTest {
    static final PurposeId SURVEY = PurposeId.of("satisfaction-survey");
    static final String TEXT = "You may send me a short satisfaction survey after each closed matter.";
    static final Actor DPO = Actor.agent("tuula", "privacy");

    static PrivacyWorld world() {
        return world(b -> b.privacyNoticeUrl("https://example.fi/tietosuoja"));
    }

    static PrivacyWorld world(java.util.function.UnaryOperator<TicketingBuilder> options) {
        PrivacyWorld w = new PrivacyWorld(options);
        w.privacy.consents().registerPurpose(ConsentPurpose.of(SURVEY.value(), "Satisfaction surveys about your matters"));
        return w;
    }

    static final Contact AINO = new Contact(PrivacyWorld.id(1), "Aino Virtanen", List.of("aino.virtanen@example.fi"),
            List.of(), AssuranceLevel.LOW, true);

    /** A Ticketing on in-memory stores with the given transport, the survey purpose and Aino. */
    static dev.tiketti.core.privacy.Privacy bare(dev.tiketti.core.spi.OutboundTransport transport) {
        dev.tiketti.core.privacy.Privacy privacy = Ticketing.builder().outboundTransport(transport).inMemory()
                .clock(new PrivacyWorld.MovingClock(PrivacyWorld.START)).build().privacy();
        privacy.consents().registerPurpose(ConsentPurpose.of(SURVEY.value(), "Satisfaction surveys about your matters"));
        privacy.register().save(AINO);
        return privacy;
    }

    @Nested
    class Request {
        final PrivacyWorld w = world();
        final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");

        @Test
        void sendsTheTemplatedRequestToTheContactWithAnUnguessableUrlSafeToken() {
            ConsentRequest r = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "2025-03", DPO);

            assertThat(w.outbox.consentRequests()).hasSize(1);
            ConsentRequestMessage m = w.outbox.consentRequests().get(0);
            assertThat(m.to()).isEqualTo("aino.virtanen@example.fi");
            assertThat(m.requestId()).isEqualTo(r.id());
            assertThat(m.purpose()).isEqualTo(SURVEY);
            assertThat(m.token()).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url without padding
            assertThat(m.subject()).contains("Satisfaction surveys about your matters", m.token());
            assertThat(m.body()).contains("Hello Aino Virtanen", TEXT, "version 2025-03", m.token(),
                    "https://example.fi/tietosuoja", r.expiresAt().toString());
            assertThat(m.body()).doesNotContain("{");
            assertThat(m.toString()).doesNotContain("aino", m.token());
            assertThat(w.outbox.sent()).as("ticket messages are unaffected").isEmpty();
        }

        @Test
        void keepsThePendingRequestWithTheTokensDigestOnlyExpiringAfterThirtyDaysByDefault() {
            ConsentRequest r = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "2025-03", DPO);
            String token = w.outbox.consentRequests().get(0).token();

            ConsentRequest stored = w.privacy.access().consentRequest(r.id(), DPO, PrivacyWorld.SERVICE).orElseThrow();
            assertThat(stored).isEqualTo(r);
            assertThat(stored.status()).isEqualTo(ConsentRequest.Status.PENDING);
            assertThat(stored.contact()).contains(aino.id());
            assertThat(stored.sentAt()).isEqualTo(PrivacyWorld.START);
            assertThat(stored.expiresAt()).isEqualTo(PrivacyWorld.START.plus(Duration.ofDays(30)));
            assertThat(stored.tokenDigest()).isEqualTo(ConsentRequests.digest(token)).doesNotContain(token);
            assertThat(stored.requestedBy()).isEqualTo(DPO);
            assertThat(w.privacy.access().consentRequests(aino.id(), DPO, PrivacyWorld.SERVICE)).containsExactly(stored);
            assertThat(stored.toString()).doesNotContain("aino");
            assertThat(w.privacy.access().accessesTo(aino.id())).extracting(AccessRecord::read)
                    .containsExactly(List.of("consent-requests"), List.of("consent-requests"));
        }

        @Test
        void anUnknownPurposeSendsAndKeepsNothing() {
            TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request(aino.id(), PurposeId.of("marketing"), TEXT, "v1", DPO));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONSENT_PURPOSE);
            assertThat(e.getMessage()).contains("marketing", "satisfaction-survey");
            assertThat(w.outbox.consentRequests()).isEmpty();
            assertThat(w.privacy.access().consentRequests(aino.id(), DPO, PrivacyWorld.SERVICE)).isEmpty();
        }

        @Test
        void anUnknownContactSendsAndKeepsNothing() {
            TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request(PrivacyWorld.id(99), SURVEY, TEXT, "v1", DPO));

            assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_NOT_FOUND);
            assertThat(w.outbox.consentRequests()).isEmpty();
        }

        @Test
        void anInactiveContactOrOneWithoutAnAddressIsNotAsked() {
            w.privacy.register().save(aino.deactivated());
            Contact noMail = w.privacy.register().save(new Contact(PrivacyWorld.id(2), "Eero Laine", List.of(),
                    List.of("040 765 4321"), AssuranceLevel.LOW, true));

            TicketingException inactive = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request(aino.id(), SURVEY, TEXT, "v1", DPO));
            TicketingException noAddress = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request(noMail.id(), SURVEY, TEXT, "v1", DPO));

            assertThat(inactive.code()).isEqualTo(ErrorCode.INVALID_CONSENT_REQUEST);
            assertThat(inactive.getMessage()).contains(aino.id().toString(), "inactive").doesNotContain("Aino");
            assertThat(noAddress.code()).isEqualTo(ErrorCode.INVALID_CONSENT_REQUEST);
            assertThat(noAddress.getMessage()).contains("no e-mail", "consents().record(").doesNotContain("Eero");
            assertThat(w.outbox.consentRequests()).isEmpty();
        }

        @Test
        void aMalformedAddressOrBlankTextIsRefused() {
            TicketingException address = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request("not-an-address", SURVEY, TEXT, "v1", DPO));
            TicketingException text = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().request(aino.id(), SURVEY, " ", "v1", DPO));

            assertThat(address.code()).isEqualTo(ErrorCode.INVALID_CONSENT_REQUEST);
            assertThat(address.getMessage()).doesNotContain("not-an-address");
            assertThat(text.code()).isEqualTo(ErrorCode.ARGUMENT_MISSING);
            assertThat(w.outbox.consentRequests()).isEmpty();
        }

        @Test
        void anAddressOfARegisteredContactAsksThatContactAtThatAddress() {
            w.privacy.register().save(aino.withAddedEmail("aino.v@example.com"));

            ConsentRequest r = w.privacy.consents().request("AINO.V@example.com", SURVEY, TEXT, "v1", DPO);

            assertThat(r.contact()).contains(aino.id());
            assertThat(r.email()).isEqualTo("aino.v@example.com");
            assertThat(w.outbox.consentRequests().get(0).to()).isEqualTo("aino.v@example.com");
            assertThat(w.outbox.consentRequests().get(0).body()).contains("Hello Aino Virtanen");
        }

        @Test
        void tokensDifferBetweenRequests() {
            for (int i = 0; i < 50; i++) {
                w.privacy.consents().request(aino.id(), SURVEY, TEXT, "v1", DPO);
            }

            assertThat(w.outbox.consentRequests().stream().map(ConsentRequestMessage::token).distinct())
                    .hasSize(50);
        }
    }

    @Nested
    class Answer {
        final PrivacyWorld w = world();
        final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");
        final ConsentRequest request = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "2025-03", DPO);
        final String token = w.outbox.consentRequests().get(0).token();

        @Test
        void aGivenAnswerRecordsTheConsentThatWasSentWithItsEvidenceAndUpdatesTheDetails() {
            w.clock.advance(Duration.ofDays(2));

            ConsentRequest answered = w.privacy.consents().answer(token,
                    ConsentAnswer.given("message:<reply-1@example.fi>").withPhone("040 123 4567")
                            .withEmail("aino.v@example.com"));

            assertThat(answered.status()).isEqualTo(ConsentRequest.Status.GIVEN);
            assertThat(answered.answeredAt()).contains(PrivacyWorld.START.plus(Duration.ofDays(2)));
            assertThat(answered.evidence()).contains("message:<reply-1@example.fi>");
            List<Consent> consents = w.privacy.access().consents(aino.id(), DPO, SURVEY);
            assertThat(consents).hasSize(1);
            Consent c = consents.get(0);
            assertThat(answered.consent()).contains(c.id());
            assertThat(c.purpose()).isEqualTo(SURVEY);
            assertThat(c.basis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(c.text()).isEqualTo(TEXT);
            assertThat(c.textVersion()).isEqualTo("2025-03");
            assertThat(c.channel()).isEqualTo(Channel.EMAIL);
            assertThat(c.recordedAt()).isEqualTo(PrivacyWorld.START.plus(Duration.ofDays(2)));
            assertThat(c.evidence()).contains("message:<reply-1@example.fi>");
            assertThat(c.inEffect()).isTrue();
            Contact now = w.contactStore.find(aino.id()).orElseThrow();
            assertThat(now.name()).isEqualTo("Aino Virtanen");
            assertThat(now.emails()).containsExactly("aino.virtanen@example.fi", "aino.v@example.com");
            assertThat(now.phones()).containsExactly("040 123 4567");
            assertThat(w.privacy.consents().requireBasis(aino.id(), SURVEY)).isEqualTo(c);
        }

        @Test
        void theConsentRecordsTheWordingSentEvenIfTheHostAsksWithNewWordingLater() {
            w.privacy.consents().request(aino.id(), SURVEY, "Newer wording of the survey consent.", "2025-09", DPO);

            w.privacy.consents().answer(token, ConsentAnswer.given("form:17").via(Channel.WEB_FORM));

            Consent c = w.privacy.access().consents(aino.id(), DPO, SURVEY).get(0);
            assertThat(c.text()).isEqualTo(TEXT);
            assertThat(c.textVersion()).isEqualTo("2025-03");
            assertThat(c.channel()).isEqualTo(Channel.WEB_FORM);
        }

        @Test
        void aRefusalRecordsNothingKeepsNoDetailsButClosesTheRequest() {
            ConsentRequest answered = w.privacy.consents().answer(token,
                    ConsentAnswer.refused("message:<reply-2@example.fi>").withPhone("040 999 8888"));

            assertThat(answered.status()).isEqualTo(ConsentRequest.Status.REFUSED);
            assertThat(answered.consent()).isEmpty();
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).contains(answered);
            assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).isEmpty();
            assertThat(w.contactStore.find(aino.id())).contains(aino);
            TicketingException again = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.consents().answer(token, ConsentAnswer.given("message:<reply-3@example.fi>")));
            assertThat(again.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_ANSWERED);
        }

        @Test
        void aReusedTokenFailsAndChangesNothing() {
            w.privacy.consents().answer(token, ConsentAnswer.given("message:<a@example.fi>"));
            ConsentRequest afterFirst = w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE).orElseThrow();
            w.clock.advance(Duration.ofHours(1));

            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<b@example.fi>").withName("Someone Else")));

            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_ANSWERED);
            assertThat(e.getMessage()).contains(request.id().toString(), "single use", "GIVEN")
                    .doesNotContain(token);
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).contains(afterFirst);
            assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).hasSize(1);
            assertThat(w.contactStore.find(aino.id()).orElseThrow().name()).isEqualTo("Aino Virtanen");
        }

        @Test
        void anUnknownTokenFailsAndChangesNothing() {
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token.substring(1) + "A", ConsentAnswer.given("message:<x@example.fi>")));

            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_NOT_FOUND);
            assertThat(e.retryable()).isFalse();
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).contains(request);
            assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).isEmpty();
        }

        @Test
        void aTokenWorksUntilJustBeforeItExpiresAndFailsFromThenOnChangingNothing() {
            w.clock.advance(Duration.ofDays(30));

            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<late@example.fi>")));

            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_EXPIRED);
            assertThat(e.getMessage()).contains(request.expiresAt().toString(), "new request");
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).contains(request);
            assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).isEmpty();

            ConsentRequest second = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "2025-03", DPO);
            w.clock.advance(Duration.ofDays(30).minusSeconds(1));
            assertThat(w.privacy.consents().answer(w.outbox.consentRequests().get(1).token(),
                    ConsentAnswer.given("message:<in-time@example.fi>")).id()).isEqualTo(second.id());
        }

        @Test
        void anInvalidAddressInTheAnswerFailsAndChangesNothing() {
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<x@example.fi>").withEmail("aino at home")));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONSENT_ANSWER);
            assertThat(e.getMessage()).doesNotContain("aino at home");
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).contains(request);
            assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).isEmpty();
            assertThat(w.contactStore.find(aino.id())).contains(aino);
        }

        @Test
        void purgingRemovesExpiredRequestsOnlyAfterwardsTheirTokenIsUnknown() {
            w.clock.advance(Duration.ofDays(10));
            ConsentRequest later = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "2025-03", DPO);

            assertThat(w.privacy.retention().purgeExpiredConsentRequests()).isZero();
            w.clock.advance(Duration.ofDays(20));
            assertThat(w.privacy.retention().purgeExpiredConsentRequests()).isEqualTo(1);

            assertThat(w.privacy.access().consentRequests(aino.id(), DPO, PrivacyWorld.SERVICE)).containsExactly(later);
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<x@example.fi>")));
            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_NOT_FOUND);
        }

        @Test
        void anErasedPersonsRequestsGoWithThemAndTheirTokenNoLongerWorks() {
            w.privacy.erasure().erase(ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("form-1")));

            assertThat(w.privacy.access().consentRequests(aino.id(), DPO, PrivacyWorld.SERVICE)).isEmpty();
            assertThat(w.privacy.access().consentRequest(request.id(), DPO, PrivacyWorld.SERVICE)).isEmpty();
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<x@example.fi>")));
            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_NOT_FOUND);
        }

        @Test
        void ofConcurrentAnswersWithOneTokenExactlyOneIsRecorded() throws Exception {
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String evidence = "message:<race-" + i + "@example.fi>";
                    Callable<Boolean> answer = () -> {
                        go.await();
                        try {
                            w.privacy.consents().answer(token, ConsentAnswer.given(evidence));
                            return true;
                        } catch (TicketingException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_ANSWERED);
                            return false;
                        }
                    };
                    results.add(pool.submit(answer));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : results) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
                assertThat(w.privacy.access().consents(aino.id(), DPO, SURVEY)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class PersonNotYetRegistered {
        final PrivacyWorld w = world();

        @Test
        void aGivenAnswerWithANameRegistersThePersonAndRecordsTheConsent() {
            ConsentRequest r = w.privacy.consents().request("Liisa.Nieminen@example.com", SURVEY, TEXT, "v1", DPO);
            assertThat(r.contact()).isEmpty();
            assertThat(r.email()).isEqualTo("liisa.nieminen@example.com");
            assertThat(w.outbox.consentRequests().get(0).body()).contains("Hello ,");
            String token = w.outbox.consentRequests().get(0).token();

            ConsentRequest answered = w.privacy.consents().answer(token,
                    ConsentAnswer.given("message:<l@example.com>").withName("Liisa Nieminen").withPhone("050 111 2222"));

            Contact liisa = w.contactStore.findByEmail("liisa.nieminen@example.com").orElseThrow();
            assertThat(answered.contact()).contains(liisa.id());
            assertThat(liisa.name()).isEqualTo("Liisa Nieminen");
            assertThat(liisa.phones()).containsExactly("050 111 2222");
            assertThat(liisa.assurance()).isEqualTo(AssuranceLevel.LOW);
            assertThat(liisa.active()).isTrue();
            assertThat(w.privacy.access().consents(liisa.id(), DPO, SURVEY)).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).contains("message:<l@example.com>"));
            assertThat(w.privacy.access().consentRequests(liisa.id(), DPO, PrivacyWorld.SERVICE)).containsExactly(answered);
        }

        @Test
        void aGivenAnswerWithoutANameFailsAndLeavesTheRequestOpenForACompleteAnswer() {
            ConsentRequest r = w.privacy.consents().request("liisa.nieminen@example.com", SURVEY, TEXT, "v1", DPO);
            String token = w.outbox.consentRequests().get(0).token();

            TicketingException e = catchThrowableOfType(TicketingException.class, () -> w.privacy
                    .consents().answer(token, ConsentAnswer.given("message:<l@example.com>")));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONSENT_ANSWER);
            assertThat(e.getMessage()).contains("name", "withName");
            assertThat(w.privacy.access().consentRequest(r.id(), DPO, PrivacyWorld.SERVICE)).contains(r);
            assertThat(w.contactStore.findByEmail("liisa.nieminen@example.com")).isEmpty();

            assertThat(w.privacy.consents().answer(token, ConsentAnswer.given("message:<l2@example.com>")
                    .withName("Liisa Nieminen")).status()).isEqualTo(ConsentRequest.Status.GIVEN);
        }

        @Test
        void aPersonRegisteredMeanwhileIsNotDuplicated() {
            w.privacy.consents().request("liisa.nieminen@example.com", SURVEY, TEXT, "v1", DPO);
            Contact liisa = w.contact(5, "Liisa Nieminen", "liisa.nieminen@example.com", "");

            ConsentRequest answered = w.privacy.consents().answer(w.outbox.consentRequests().get(0).token(),
                    ConsentAnswer.given("message:<l@example.com>"));

            assertThat(answered.contact()).contains(liisa.id());
            assertThat(w.contacts()).hasSize(1);
        }
    }

    @Nested
    class Configuration {
        @Test
        void aConfiguredTemplateAndValidityAreUsed() {
            PrivacyWorld w = world(b -> b.consentRequestTemplate(new ConsentRequestTemplate(
                    "Suostumus: {purposeId} ({token})", "Hei {name}! {consentText} [{consentVersion}] "
                    + "Voimassa {expiresAt}. Tietosuoja: {privacyNoticeUrl}"))
                    .consentRequestValidity(Duration.ofDays(2)));
            Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");

            ConsentRequest r = w.privacy.consents().request(aino.id(), SURVEY, TEXT, "v7", DPO);

            ConsentRequestMessage m = w.outbox.consentRequests().get(0);
            assertThat(r.expiresAt()).isEqualTo(PrivacyWorld.START.plus(Duration.ofDays(2)));
            assertThat(m.subject()).isEqualTo("Suostumus: satisfaction-survey (" + m.token() + ")");
            assertThat(m.body()).isEqualTo("Hei Aino Virtanen! " + TEXT + " [v7] Voimassa "
                    + r.expiresAt() + ". Tietosuoja: ");
        }

        @Test
        void placeholderLookalikesInTheValuesAreNotExpanded() {
            PrivacyWorld w = world();
            Contact odd = w.contact(1, "Aino {token} Virtanen", "aino.virtanen@example.fi", "");

            w.privacy.consents().request(odd.id(), SURVEY, "I agree to {privacyNoticeUrl}", "v1", DPO);

            assertThat(w.outbox.consentRequests().get(0).body()).contains("Hello Aino {token} Virtanen",
                    "I agree to {privacyNoticeUrl}");
        }

        @Test
        void aTemplateWithAnUnknownPlaceholderOrWithoutTheTokenIsRefused() {
            TicketingException unknown = catchThrowableOfType(TicketingException.class, () ->
                    new ConsentRequestTemplate("{token}", "Hello {firstName}, see {privacyNotice}"));
            TicketingException noToken = catchThrowableOfType(TicketingException.class, () ->
                    new ConsentRequestTemplate("Consent", "Hello {name}"));

            assertThat(unknown.code()).isEqualTo(ErrorCode.INVALID_CONSENT_REQUEST_TEMPLATE);
            assertThat(unknown.getMessage()).contains("[firstName, privacyNotice]", "privacyNoticeUrl");
            assertThat(noToken.code()).isEqualTo(ErrorCode.INVALID_CONSENT_REQUEST_TEMPLATE);
            assertThat(noToken.getMessage()).contains("{token}");
        }

        @Test
        void aValidityOfZeroNegativeOrOverAYearIsRefusedAtOnce() {
            for (Duration bad : List.of(Duration.ZERO, Duration.ofDays(-1), Duration.ofDays(367))) {
                TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                        Ticketing.builder().consentRequestValidity(bad));
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE);
                assertThat(e.getMessage()).contains(bad.toString(), "Duration.ofDays(30)");
            }
        }

        @Test
        void aTransportThatFailsKeepsNothingAndSaysToRetry() {
            dev.tiketti.core.privacy.Privacy privacy = bare(new dev.tiketti.core.spi.OutboundTransport() {
                @Override
                public void send(dev.tiketti.core.spi.OutboundMessage message) {
                }

                @Override
                public void send(ConsentRequestMessage message) {
                    throw new StorageUnavailableException("SMTP server not answering", new java.io.IOException("timeout"));
                }
            });

            TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                    privacy.consents().request(AINO.id(), SURVEY, TEXT, "v1", DPO));

            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUEST_NOT_SENT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getCause()).isInstanceOf(StorageUnavailableException.class);
            assertThat(e.getMessage()).doesNotContain("aino");
            assertThat(privacy.access().consentRequests(AINO.id(), DPO, SURVEY)).isEmpty();
        }

        @Test
        void aTransportWithoutConsentRequestSupportSaysSoAndKeepsNothing() {
            dev.tiketti.core.privacy.Privacy privacy = bare(message -> { });

            TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                    privacy.consents().request(AINO.id(), SURVEY, TEXT, "v1", DPO));

            assertThat(e.code()).isEqualTo(ErrorCode.CONSENT_REQUESTS_UNSUPPORTED);
            assertThat(e.getMessage()).contains("send(ConsentRequestMessage)");
            assertThat(privacy.access().consentRequests(AINO.id(), DPO, SURVEY)).isEmpty();
        }
    }

    @Nested
    class AuditedFinds {
        final PrivacyWorld w = world();
        final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");

        @Test
        void findingAContactByIdOrAddressIsRecordedWithActorAndPurpose() {
            assertThat(w.privacy.access().findContact(aino.id(), PrivacyWorld.AGENT, PrivacyWorld.SERVICE)).contains(aino);
            assertThat(w.privacy.access().findContactByEmail("AINO.VIRTANEN@example.fi", Actor.system(), PrivacyWorld.SERVICE))
                    .contains(aino);

            assertThat(w.privacy.access().accessesTo(aino.id())).extracting(AccessRecord::actor, AccessRecord::purpose)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(PrivacyWorld.AGENT, PrivacyWorld.SERVICE),
                            org.assertj.core.groups.Tuple.tuple(Actor.system(), PrivacyWorld.SERVICE));
        }

        @Test
        void aFindThatFindsNobodyRecordsNothingAndAnUnregisteredPurposeFails() {
            assertThat(w.privacy.access().findContact(PrivacyWorld.id(42), PrivacyWorld.AGENT, PrivacyWorld.SERVICE)).isEmpty();
            assertThat(w.privacy.access().findContactByEmail("nobody@example.fi", PrivacyWorld.AGENT, PrivacyWorld.SERVICE))
                    .isEmpty();
            TicketingException e = catchThrowableOfType(TicketingException.class, () ->
                    w.privacy.access().findContact(aino.id(), PrivacyWorld.AGENT, PurposeId.of("marketing")));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONSENT_PURPOSE);
            assertThat(w.privacy.access().accessesTo(aino.id())).isEmpty();
            assertThat(w.auditLog.forContact(PrivacyWorld.id(42))).isEmpty();
        }
    }
}
