package dev.tiketti.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mail store's records check their values and say what is wrong without repeating personal data. */
class MailStoreRecordsTest {
    static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    static final String DIGEST = "a".repeat(64);

    static QuarantinedMail quarantined(String code, Optional<String> sender, String digest) {
        return new QuarantinedMail(UUID.randomUUID(), "hr@example.fi/INBOX", "k-1", T0, code, "too large", sender,
                digest, 10);
    }

    static void fails(Runnable make, ErrorCode code, String... texts) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(TicketingException.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessageContainingAll(texts);
    }

    @Test
    void addressesAreLowerCasedAndStrippedAndMalformedOnesRefusedWithoutRepeatingThem() {
        assertThat(MailStore.address("  Aino.Virtanen@Example.FI ")).isEqualTo("aino.virtanen@example.fi");
        assertThat(quarantined("TKT-1003", Optional.of("EERO@Example.com"), DIGEST).sender()).contains("eero@example.com");
        for (String bad : List.of("aino.virtanen", "@example.fi", "aino@", "aino virtanen@example.fi",
                "a".repeat(310) + "@example.fi")) {
            assertThatThrownBy(() -> MailStore.address(bad)).isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMAIL_ADDRESS))
                    .hasMessageContaining("local@domain").message().doesNotContain("aino");
        }
    }

    @Test
    void quarantinedMailChecksItsCodeDigestKeyAndSize() {
        fails(() -> quarantined("1003", Optional.empty(), DIGEST), ErrorCode.INVALID_IDENTIFIER, "'1003'", "TKT-1003");
        fails(() -> quarantined("TKT-1003", Optional.empty(), "A".repeat(64)), ErrorCode.INVALID_IDENTIFIER,
                "(64 characters)", "lower-case hex");
        fails(() -> new QuarantinedMail(UUID.randomUUID(), "hr@example.fi/INBOX", "k".repeat(201), T0, "TKT-1003",
                "too large", Optional.empty(), DIGEST, 1), ErrorCode.INVALID_IDENTIFIER, "201 characters", "at most 200");
        fails(() -> new QuarantinedMail(UUID.randomUUID(), "hr@example.fi/INBOX", "k", T0, "TKT-1003",
                "too large", Optional.empty(), DIGEST, -1), ErrorCode.INVALID_OPTION_VALUE, "-1 bytes");
        fails(() -> new QuarantinedMail(UUID.randomUUID(), "hr@example.fi/INBOX", "k", T0, "TKT-1003",
                "x".repeat(501), Optional.empty(), DIGEST, 1), ErrorCode.INVALID_OPTION_VALUE, "501 characters");
    }

    @Test
    void mailboxStatesKeepToImapsUidRange() {
        assertThat(new MailboxState("hr@example.fi/INBOX", MailboxState.MAX_UID, 0, T0).uidValidity())
                .isEqualTo(4_294_967_295L);
        fails(() -> new MailboxState("hr@example.fi/INBOX", 0, 0, T0), ErrorCode.INVALID_OPTION_VALUE,
                "uidValidity is 0", "from 1 to 4294967295");
        fails(() -> new MailboxState("hr@example.fi/INBOX", 1, MailboxState.MAX_UID + 1, T0),
                ErrorCode.INVALID_OPTION_VALUE, "highestUid is 4294967296");
        fails(() -> new MailboxState("m".repeat(401), 1, 0, T0), ErrorCode.INVALID_IDENTIFIER, "401 characters");
    }

    @Test
    void addressFailuresCountFromOneAndNeverFailLastBeforeFirst() {
        fails(() -> new AddressFailure("aino@example.fi", T0, T0, 0, "5.1.1"), ErrorCode.INCONSISTENT_VALUE,
                "0 failures");
        fails(() -> new AddressFailure("aino@example.fi", T0, T0.minusSeconds(1), 1, "5.1.1"),
                ErrorCode.INCONSISTENT_VALUE, "failed last before it failed first");
        fails(() -> new AddressFailure("aino@example.fi", T0, T0, 1, "5".repeat(33)), ErrorCode.INVALID_OPTION_VALUE,
                "33 characters");
        assertThat(new AddressFailure("Aino@Example.fi", T0, T0, 1, " 5.1.1 ").lastStatus()).isEqualTo("5.1.1");
    }

    @Test
    void forgottenMailCountsAreNotNegative() {
        assertThat(ForgottenMail.nothing().isEmpty()).isTrue();
        assertThat(new ForgottenMail(List.of(), List.of(), 0, 1).isEmpty()).isFalse();
        fails(() -> new ForgottenMail(List.of(), List.of(), -1, 0), ErrorCode.INCONSISTENT_VALUE, "-1 failure marks");
    }
}
