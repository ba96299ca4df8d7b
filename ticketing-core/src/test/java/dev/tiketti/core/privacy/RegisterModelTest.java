package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The register's value types validate and normalise their input. */
class RegisterModelTest {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");

    private static ErrorCode codeOf(Throwable t) {
        return ((TicketingException) t).code();
    }

    @Test
    @DisplayName("A contact keeps e-mail addresses lower-case and without duplicates, and the old constructor still works")
    void contactNormalises() {
        Contact c = new Contact(ContactId.random(), " Aino Virtanen ", List.of("Aino.Virtanen@Example.fi ",
                "aino.virtanen@example.fi"), List.of(" +358 40 000 0001"), AssuranceLevel.LOW, true);
        assertThat(c.name()).isEqualTo("Aino Virtanen");
        assertThat(c.emails()).containsExactly("aino.virtanen@example.fi");
        assertThat(c.phones()).containsExactly("+358 40 000 0001");
        assertThat(c.language()).isEqualTo(Language.FI);
        assertThat(c.substitute()).isEmpty();
        assertThat(c.hasEmail("AINO.virtanen@example.FI")).isTrue();
        assertThat(c.withLanguage(Language.SV).language().tag()).isEqualTo("sv");
        assertThat(c.deactivated().active()).isFalse();
        assertThat(c.withAddedEmail("aino@example.com").emails()).containsExactly("aino.virtanen@example.fi", "aino@example.com");
    }

    @Test
    @DisplayName("A contact's toString never shows personal data")
    void contactToStringHasOnlyTheId() {
        // a fixed id: a random UUID may itself contain "040"
        Contact c = new Contact(ContactId.of("11111111-2222-3333-4444-555555555555"), "Aino Virtanen",
                List.of("aino.virtanen@example.fi"), List.of("040 000 0001"), AssuranceLevel.LOW, true);
        assertThat(c.toString()).contains(c.id().toString()).doesNotContain("Aino").doesNotContain("example").doesNotContain("040");
    }

    @Test
    @DisplayName("A contact cannot be its own substitute, and a malformed address is refused without being repeated")
    void badContacts() {
        Contact c = Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW);
        assertThatThrownBy(() -> c.withSubstitute(c.id()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_SUBSTITUTE))
                .hasMessageContaining("its own substitute");
        assertThatThrownBy(() -> Contact.withEmail("Aino Virtanen", "aino.virtanen.example.fi", AssuranceLevel.LOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_EMAIL_ADDRESS))
                .hasMessageNotContaining("aino");
        assertThatThrownBy(() -> Contact.withEmail(" ", "a@example.fi", AssuranceLevel.LOW))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARGUMENT_MISSING));
    }

    @Test
    @DisplayName("A service contract is in force from its first to its last day, open-ended ones forever after")
    void contractValidity() {
        ServiceContract c = ServiceContract.between("SOP-2024-17", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(c.inForceOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(c.inForceOn(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(c.inForceOn(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(c.inForceOn(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(ServiceContract.from("SOP-1", LocalDate.of(2024, 1, 1)).inForceOn(LocalDate.of(2099, 1, 1))).isTrue();
        assertThatThrownBy(() -> ServiceContract.between("SOP-2", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31)))
                .hasMessageContaining("before it starts");
    }

    @Test
    @DisplayName("A membership is in force only with a contract in force")
    void membershipInForce() {
        Membership m = Membership.of(ContactId.random(), OrganizationId.random(), Membership.MAIN_USER);
        LocalDate day = LocalDate.of(2024, 6, 1);
        assertThat(m.inForceOn(day)).isFalse();
        assertThat(m.withContract(ServiceContract.from("SOP-1", LocalDate.of(2024, 1, 1))).inForceOn(day)).isTrue();
        assertThatThrownBy(() -> Membership.of(ContactId.random(), OrganizationId.random(), "main user"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_IDENTIFIER));
    }

    @Test
    @DisplayName("Withdrawing a consent keeps the first withdrawal time, and it cannot precede the record")
    void consentWithdrawal() {
        Consent c = Consent.given(ContactId.random(), PurposeId.of("service-requests"), LegalBasis.CONSENT,
                "Saamme käsitellä yhteystietojasi palvelupyyntöjen hoitamiseksi.", "2024-05", Channel.EMAIL, T0,
                Optional.of("message:<abc@example.fi>"));
        assertThat(c.inEffect()).isTrue();
        Consent w = c.withdrawn(T0.plusSeconds(60));
        assertThat(w.inEffect()).isFalse();
        assertThat(w.withdrawn(T0.plusSeconds(120))).isSameAs(w);
        assertThatThrownBy(() -> c.withdrawn(T0.minusSeconds(1))).hasMessageContaining("before it was recorded");
        assertThatThrownBy(() -> PurposeId.of("not a name")).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_IDENTIFIER));
    }
}
