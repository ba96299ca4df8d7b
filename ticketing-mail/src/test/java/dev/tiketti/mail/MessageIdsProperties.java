package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

@DisplayName("Message-IDs we mint and verify")
class MessageIdsProperties {
    /** A fixed seed, so that a falsified property can be repeated; another with -Dtiketti.seed=n. */
    private static final long SEED = Long.getLong("tiketti.seed", 20_261_208L);
    private static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final MessageIds IDS = MessageIds.withKey(KEY, "tiketti.example.fi");

    private static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(200);
    }

    private static Gen<TicketId> tickets() {
        return longs().all().zip(longs().all(), (hi, lo) -> new TicketId(new UUID(hi, lo)));
    }

    /** Delivery ids: outbox UUIDs, and any other text a caller may pass. */
    private static Gen<String> deliveries() {
        return strings().allPossible().ofLengthBetween(1, 60).map(s -> s.isBlank() ? "d" + s : s);
    }

    @Test
    @DisplayName("verify(mint(t, d)) is t, for any ticket and delivery; the same arguments mint the same id")
    void roundTrip() {
        qt(500).forAll(tickets(), deliveries()).checkAssert((t, d) -> {
            String id = IDS.mint(t, d);
            assertThat(IDS.verify(id)).contains(t);
            assertThat(IDS.verify(id.substring(1, id.length() - 1))).as("without brackets").contains(t);
            assertThat(IDS.mint(t, d)).as("a re-delivery").isEqualTo(id);
            assertThat(IDS.verify(IDS.threadRoot(t))).contains(t);
        });
    }

    @Test
    @DisplayName("any single changed character makes the id unverifiable")
    void anySingleChangeIsRefused() {
        qt(300).forAll(tickets(), deliveries(), integers().between(0, 10_000), integers().between(32, 0x2FF))
                .checkAssert((t, d, at, replacement) -> {
                    for (String id : List.of(IDS.mint(t, d), IDS.threadRoot(t))) {
                        int i = at % id.length();
                        char c = (char) (int) replacement;
                        if (id.charAt(i) == c) {
                            c = c == 'a' ? 'b' : 'a';
                        }
                        String changed = id.substring(0, i) + c + id.substring(i + 1);
                        assertThat(IDS.verify(changed)).as("%s changed at %d to %s", id, i, c).isEmpty();
                    }
                });
    }

    @Test
    @DisplayName("a dropped or added character makes the id unverifiable")
    void droppedOrAddedCharacterIsRefused() {
        qt(200).forAll(tickets(), deliveries(), integers().between(0, 10_000)).checkAssert((t, d, at) -> {
            String id = IDS.mint(t, d);
            int i = at % id.length();
            assertThat(IDS.verify(id.substring(0, i) + id.substring(i + 1))).isEmpty();
            assertThat(IDS.verify(id.substring(0, i) + "0" + id.substring(i))).isEmpty();
        });
    }

    @Test
    @DisplayName("random strings, also of our id's shape, are refused without an exception")
    void garbageIsRefused() {
        qt(1000).forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(s -> {
            assertThat(IDS.verify(s)).isEmpty();
            assertThat(IDS.findTicket(List.of(s, "<" + s + ">"))).isEmpty();
        });
        Gen<String> hex = strings().betweenCodePoints('0', 'f').ofLength(24)
                .map(s -> s.chars().map(c -> c > '9' && c < 'a' ? 'a' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        qt(300).forAll(tickets(), hex).checkAssert((t, tag) -> {
            String forged = IDS.threadRoot(t).replaceFirst("\\.[0-9a-f]{24}@", "." + tag + "@");
            assertThat(IDS.verify(forged)).as("a made-up tag").isEmpty();
        });
    }

    @Test
    @DisplayName("refuses ids of another key or domain, and a root passed off as a mail or the reverse")
    void otherKeysAndDomains() {
        TicketId t = TicketId.random();
        MessageIds otherKey = MessageIds.withKey("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII),
                "tiketti.example.fi");
        MessageIds otherDomain = MessageIds.withKey(KEY, "mail.example.com");

        assertThat(IDS.verify(otherKey.mint(t, "d-1"))).isEmpty();
        assertThat(IDS.verify(otherDomain.mint(t, "d-1"))).isEmpty();
        assertThat(IDS.verify(IDS.mint(t, "d-1").replace("@tiketti.example.fi", "@TIKETTI.example.fi"))).isEmpty();
        assertThat(IDS.verify(IDS.threadRoot(t).replace("<r.", "<m."))).isEmpty();
        assertThat(IDS.verify(IDS.mint(t, "d-1").replace("<m.", "<r."))).isEmpty();
        assertThat(IDS.verify(IDS.mint(t, "d-1") + " ")).as("trailing space").isEmpty();
        assertThat(IDS.verify("<" + IDS.mint(t, "d-1").substring(1))).isPresent();
        assertThat(IDS.verify(IDS.mint(t, "d-1").substring(1))).as("an unbalanced bracket").isEmpty();
        assertThat(IDS.mint(t, "d-1")).isNotEqualTo(IDS.mint(t, "d-2")).endsWith("@tiketti.example.fi>");
    }

    @Test
    @DisplayName("finds the ticket among the ids of In-Reply-To and References, skipping foreign ones")
    void findsTheTicketInReferences() {
        TicketId t = TicketId.random();
        String references = "<CAF00=x@mail.example.com>\r\n <" + "m.00.11.22@tiketti.example.fi> " + IDS.threadRoot(t)
                + " " + IDS.mint(TicketId.random(), "later");

        assertThat(IDS.findTicket(List.of("<unrelated@example.com>", references))).contains(t);
        assertThat(IDS.findTicket(List.of("", "<a@b> <c@d>"))).isEmpty();
        assertThat(IDS.toString()).doesNotContain(new String(KEY, StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("refuses a short key and a malformed domain, naming both problems")
    void refusesWeakConfiguration() {
        assertThatThrownBy(() -> MessageIds.withKey(new byte[8], "Tiketti Example"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_CONFIGURATION);
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.getMessage()).contains("8 bytes", "at least 16", "'Tiketti Example'");
                });
        TicketId t = TicketId.random();
        assertThat(MessageIds.withKey(new byte[16], "a.example.fi").verify(
                MessageIds.withKey(new byte[16], "a.example.fi").mint(t, "d"))).contains(t);
    }
}
