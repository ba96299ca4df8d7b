package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.internal.CustomerRegister;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The register's rules: bad input fails with its code and changes nothing. */
class CustomerRegisterTest {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final PurposeId SERVICE = PurposeId.of("service-requests");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryOrganizationStore organizations = new InMemoryOrganizationStore();
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final CustomerRegister register = new CustomerRegister(contacts, organizations, consents,
            Clock.fixed(T0, ZoneOffset.UTC));
    private final Contact aino = register.saveContact(
            Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
    private final Contact eero = register.saveContact(
            Contact.withEmail("Eero Korhonen", "eero.korhonen@example.fi", AssuranceLevel.LOW));

    private static ErrorCode codeOf(Throwable t) {
        return ((TicketingException) t).code();
    }

    private Consent consentOf(Contact c) {
        return register.record(c.id(), SERVICE, LegalBasis.CONSENT, "Saamme käsitellä tietojasi.", "2024-05",
                Channel.EMAIL, Optional.of("message:<1@example.fi>"));
    }

    @Nested
    @DisplayName("Substitutes and memberships")
    class Substitutes {
        @Test
        @DisplayName("An unknown or inactive substitute is refused and the contact is not saved")
        void badSubstitutes() {
            Contact liisa = Contact.withEmail("Liisa Nieminen", "liisa@example.fi", AssuranceLevel.LOW);
            assertThatThrownBy(() -> register.saveContact(liisa.withSubstitute(ContactId.random())))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_SUBSTITUTE))
                    .hasMessageContaining("not in the register");
            register.saveContact(eero.deactivated());
            assertThatThrownBy(() -> register.saveContact(liisa.withSubstitute(eero.id())))
                    .hasMessageContaining("inactive");
            assertThat(contacts.find(liisa.id())).isEmpty();
        }

        @Test
        @DisplayName("The substitute is the contact's own, else their organisation's default")
        void substituteResolution() {
            Organization org = register.saveOrganization(Organization.named("Palkkahallinto").withDefaultSubstitute(eero.id()));
            register.saveMembership(Membership.of(aino.id(), org.id(), Membership.MEMBER));
            assertThat(register.substituteFor(aino.id())).contains(eero.id());
            Contact liisa = register.saveContact(Contact.withEmail("Liisa Nieminen", "liisa@example.fi", AssuranceLevel.LOW));
            register.saveContact(aino.withSubstitute(liisa.id()));
            assertThat(register.substituteFor(aino.id())).contains(liisa.id());
            register.saveContact(liisa.deactivated());
            assertThat(register.substituteFor(aino.id())).contains(eero.id());
            assertThat(register.substituteFor(eero.id())).isEmpty();
        }

        @Test
        @DisplayName("A membership needs a registered contact and a saved organisation")
        void membershipReferences() {
            Organization org = Organization.named("Palkkahallinto");
            assertThatThrownBy(() -> register.saveMembership(Membership.of(aino.id(), org.id(), Membership.MAIN_USER)))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ORGANIZATION_NOT_FOUND));
            register.saveOrganization(org);
            assertThatThrownBy(() -> register.saveMembership(Membership.of(ContactId.random(), org.id(), Membership.MAIN_USER)))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONTACT_NOT_FOUND));
            assertThat(organizations.members(org.id())).isEmpty();
            register.saveMembership(Membership.of(aino.id(), org.id(), Membership.MAIN_USER));
            assertThat(organizations.membershipsOf(aino.id())).hasSize(1);
        }

        @Test
        @DisplayName("An organisation's default substitute must be a registered, active contact")
        void organisationDefault() {
            assertThatThrownBy(() -> register.saveOrganization(Organization.named("X").withDefaultSubstitute(ContactId.random())))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_SUBSTITUTE));
            assertThat(organizations.all()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Consent")
    class Consents {
        @Test
        @DisplayName("Consent for an unregistered purpose is refused, naming the registered ones")
        void unknownPurpose() {
            register.registerPurpose(ConsentPurpose.of("surveys", "Asiakastyytyväisyyskyselyt"));
            assertThatThrownBy(() -> consentOf(aino))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNKNOWN_CONSENT_PURPOSE))
                    .hasMessageContaining("'service-requests' is not registered").hasMessageContaining("[surveys]");
            assertThat(consents.forContact(aino.id())).isEmpty();
        }

        @Test
        @DisplayName("Consent for an unknown contact is refused")
        void unknownContact() {
            register.registerPurpose(ConsentPurpose.of("service-requests", "Palvelupyyntöjen käsittely"));
            assertThatThrownBy(() -> register.record(ContactId.random(), SERVICE, LegalBasis.CONSENT, "t", "1",
                    Channel.EMAIL, Optional.empty()))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONTACT_NOT_FOUND));
        }

        @Test
        @DisplayName("A recorded consent is a basis until withdrawn; then using it fails")
        void withdrawnIsNoBasis() {
            register.registerPurpose(ConsentPurpose.of("service-requests", "Palvelupyyntöjen käsittely"));
            assertThatThrownBy(() -> register.requireBasis(aino.id(), SERVICE))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NO_LEGAL_BASIS));
            Consent c = consentOf(aino);
            assertThat(c.recordedAt()).isEqualTo(T0);
            assertThat(register.requireBasis(aino.id(), SERVICE)).isEqualTo(c);
            assertThat(register.useAsBasis(c.id())).isEqualTo(c);
            Consent w = register.withdraw(c.id());
            assertThat(w.withdrawnAt()).contains(T0);
            assertThat(register.withdraw(c.id())).isEqualTo(w);
            assertThatThrownBy(() -> register.useAsBasis(c.id()))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONSENT_WITHDRAWN))
                    .hasMessageContaining(c.id().toString()).hasMessageNotContaining("Aino");
            assertThatThrownBy(() -> register.requireBasis(aino.id(), SERVICE))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONSENT_WITHDRAWN));
            Consent again = consentOf(aino);
            assertThat(register.requireBasis(aino.id(), SERVICE)).isEqualTo(again);
            assertThat(consents.forContact(aino.id())).hasSize(2);
            assertThatThrownBy(() -> register.requireBasis(eero.id(), SERVICE))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NO_LEGAL_BASIS));
        }

        @Test
        @DisplayName("Withdrawing or using an unknown consent fails with CONSENT_NOT_FOUND")
        void unknownConsent() {
            assertThatThrownBy(() -> register.withdraw(ConsentId.random()))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONSENT_NOT_FOUND));
            assertThatThrownBy(() -> register.useAsBasis(ConsentId.random()))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONSENT_NOT_FOUND));
        }
    }

    @Test
    @DisplayName("An organisation id that was never saved is not found")
    void organisationLookup() {
        assertThat(organizations.find(OrganizationId.random())).isEmpty();
    }
}
