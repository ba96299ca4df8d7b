package dev.tiketti.core.privacy;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random interleavings of requests, answers (given, refused, with forged tokens) and time passing,
 * checked against a model: tokens never collide, a token is answered at most once and only before
 * it expires, each given answer records exactly one consent with the wording sent, and every
 * refused answer changes nothing.
 */
class ConsentRequestPropertiesTest {
    static final PurposeId SURVEY = PurposeId.of("satisfaction-survey");
    static final Actor DPO = Actor.agent("tuula", "privacy");

    enum Kind { REQUEST, GIVE, REFUSE, FORGED, WAIT_DAYS }

    record Op(Kind kind, int target, int amount) {
    }

    static Gen<List<Op>> operations() {
        Gen<Op> op = Generate.enumValues(Kind.class).zip(integers().between(0, 9), integers().between(1, 20), Op::new);
        return lists().of(op).ofSizeBetween(1, 60);
    }

    @Test
    void tokensAreUniqueAndEachIsAnsweredAtMostOnceBeforeItExpires() {
        qt(200).forAll(operations()).checkAssert(ConsentRequestPropertiesTest::eachTokenAnsweredAtMostOnce);
    }

    private static void eachTokenAnsweredAtMostOnce(List<Op> ops) {
        PrivacyWorld w = new PrivacyWorld();
        w.privacy.consents().registerPurpose(ConsentPurpose.of(SURVEY.value(), "Satisfaction surveys"));
        Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");
        List<String> tokens = new ArrayList<>();
        List<ConsentRequest> sent = new ArrayList<>();
        Map<Integer, ConsentRequest.Status> model = new TreeMap<>();
        int given = 0;

        for (Op op : ops) {
            switch (op.kind()) {
                case REQUEST -> {
                    String version = "v" + sent.size();
                    sent.add(w.privacy.consents().request(aino.id(), SURVEY, "Wording " + version, version, DPO));
                    tokens.add(w.outbox.consentRequests().get(tokens.size()).token());
                    model.put(sent.size() - 1, ConsentRequest.Status.PENDING);
                }
                case WAIT_DAYS -> w.clock.advance(Duration.ofDays(op.amount()));
                case FORGED -> {
                    List<Consent> before = w.consentsOf(aino);
                    ErrorCode code = codeOf(() -> w.privacy.consents().answer("forged-" + op.amount(),
                            ConsentAnswer.given("message:<forged@example.com>")));
                    assertThat(code).isEqualTo(ErrorCode.CONSENT_REQUEST_NOT_FOUND);
                    assertThat(w.consentsOf(aino)).isEqualTo(before);
                }
                case GIVE, REFUSE -> {
                    if (sent.isEmpty()) {
                        continue;
                    }
                    int i = op.target() % sent.size();
                    ConsentRequest stored = w.privacy.access().consentRequest(sent.get(i).id(), DPO, PrivacyWorld.SERVICE).orElseThrow();
                    List<Consent> before = w.consentsOf(aino);
                    ConsentAnswer answer = op.kind() == Kind.GIVE ? ConsentAnswer.given("message:<" + i + "@example.fi>")
                            : ConsentAnswer.refused("message:<" + i + "@example.fi>");
                    ErrorCode expected = model.get(i) != ConsentRequest.Status.PENDING
                            ? ErrorCode.CONSENT_REQUEST_ANSWERED
                            : stored.expiredAt(w.clock.instant()) ? ErrorCode.CONSENT_REQUEST_EXPIRED : null;
                    ErrorCode code = codeOf(() -> w.privacy.consents().answer(tokens.get(i), answer));
                    assertThat(code).isEqualTo(expected);
                    if (expected != null) {
                        assertThat(w.consentsOf(aino)).isEqualTo(before);
                        assertThat(w.privacy.access().consentRequest(stored.id(), DPO, PrivacyWorld.SERVICE)).contains(stored);
                    } else if (op.kind() == Kind.GIVE) {
                        model.put(i, ConsentRequest.Status.GIVEN);
                        given++;
                        Consent recorded = w.consentsOf(aino).get(w.consentsOf(aino).size() - 1);
                        assertThat(recorded.textVersion()).isEqualTo("v" + i);
                        assertThat(recorded.text()).isEqualTo("Wording v" + i);
                    } else {
                        model.put(i, ConsentRequest.Status.REFUSED);
                        assertThat(w.consentsOf(aino)).isEqualTo(before);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        Set<String> distinct = new HashSet<>(tokens);
        assertThat(distinct).hasSameSizeAs(tokens);
        assertThat(w.consentsOf(aino)).hasSize(given);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(w.privacy.access().consentRequest(sent.get(i).id(), DPO, PrivacyWorld.SERVICE).orElseThrow().status()).isEqualTo(model.get(i));
        }
    }

    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (TicketingException e) {
            return e.code();
        }
    }
}
