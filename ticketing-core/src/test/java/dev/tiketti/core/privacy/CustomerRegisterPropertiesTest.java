package dev.tiketti.core.privacy;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.internal.CustomerRegister;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random sequences of register operations, valid and not: a refused operation changes nothing. */
class CustomerRegisterPropertiesTest {

    enum Op { CONTACT, CONTACT_WITH_SUBSTITUTE, DEACTIVATE, ORGANIZATION, MEMBERSHIP, PURPOSE, CONSENT, WITHDRAW, USE }

    static Gen<List<Op>> operations() {
        return lists().of(Generate.enumValues(Op.class)).ofSizeBetween(1, 40);
    }

    @Test
    void aRefusedOperationChangesNothing() {
        qt(300).forAll(operations(), longs().all()).checkAssert(CustomerRegisterPropertiesTest::refusalsChangeNothing);
    }

    private static void refusalsChangeNothing(List<Op> ops, long seed) {
        var contacts = new InMemoryContactStore();
        var organizations = new InMemoryOrganizationStore();
        var consents = new InMemoryConsentStore();
        var register = new CustomerRegister(contacts, organizations, consents,
                Clock.fixed(Instant.parse("2024-05-02T09:00:00Z"), ZoneOffset.UTC));
        var random = new java.util.Random(seed);
        List<ContactId> contactIds = new ArrayList<>();
        List<OrganizationId> orgIds = new ArrayList<>();
        List<ConsentId> consentIds = new ArrayList<>();
        List<PurposeId> purposes = new ArrayList<>(List.of(PurposeId.of("service-requests"), PurposeId.of("surveys")));
        // ids that may or may not exist: about one pick in four is unknown
        // every id ever used, known or not, so that the snapshot sees a stray write anywhere
        List<ContactId> touched = new ArrayList<>();
        List<OrganizationId> touchedOrgs = new ArrayList<>();
        java.util.function.Function<List<ContactId>, ContactId> someContact = ids -> {
            ContactId id = ids.isEmpty() || random.nextInt(4) == 0 ? ContactId.random() : ids.get(random.nextInt(ids.size()));
            touched.add(id);
            return id;
        };
        int n = 0;
        for (Op op : ops) {
            n++;
            Contact newContact = Contact.withEmail("Testi Henkilö" + n, "h" + n + "@example.fi", AssuranceLevel.LOW);
            touched.add(newContact.id());
            // draw every id before the snapshot, so that before and after cover the same ids
            ContactId picked = someContact.apply(contactIds);
            OrganizationId pickedOrg = orgIds.isEmpty() || random.nextInt(4) == 0
                    ? OrganizationId.random() : orgIds.get(random.nextInt(orgIds.size()));
            touchedOrgs.add(pickedOrg);
            ConsentId pickedConsent = consentIds.isEmpty() || random.nextInt(4) == 0
                    ? ConsentId.random() : consentIds.get(random.nextInt(consentIds.size()));
            Organization newOrg = Organization.named("Organisaatio " + n);
            if (random.nextBoolean()) {
                newOrg = newOrg.withDefaultSubstitute(picked);
            }
            touchedOrgs.add(newOrg.id());
            PurposeId purpose = purposes.get(random.nextInt(2));
            String before = snapshot(contacts, touched, organizations, touchedOrgs, consents);
            try {
                switch (op) {
                    case CONTACT -> contactIds.add(register.saveContact(newContact).id());
                    case CONTACT_WITH_SUBSTITUTE -> contactIds.add(register.saveContact(newContact.withSubstitute(picked)).id());
                    case DEACTIVATE -> contacts.find(picked).ifPresent(c -> register.saveContact(c.deactivated()));
                    case ORGANIZATION -> orgIds.add(register.saveOrganization(newOrg).id());
                    case MEMBERSHIP -> register.saveMembership(Membership.of(picked, pickedOrg, Membership.MEMBER));
                    case PURPOSE -> register.registerPurpose(new ConsentPurpose(purpose, "Kuvaus"));
                    case CONSENT -> consentIds.add(register.record(picked, purpose, LegalBasis.CONSENT, "Teksti", "1",
                            Channel.EMAIL, Optional.empty()).id());
                    case WITHDRAW -> register.withdraw(pickedConsent);
                    case USE -> register.useAsBasis(pickedConsent);
                }
            } catch (TicketingException refused) {
                assertThat(snapshot(contacts, touched, organizations, touchedOrgs, consents))
                        .as("state after refused %s (%s)", op, refused.code()).isEqualTo(before);
                assertThat(refused.getMessage()).doesNotContain("@example.fi").doesNotContain("Testi");
            }
        }
    }

    private static String snapshot(InMemoryContactStore contacts, List<ContactId> contactIds,
                                   InMemoryOrganizationStore organizations, List<OrganizationId> orgIds,
                                   InMemoryConsentStore consents) {
        StringBuilder s = new StringBuilder();
        for (ContactId id : contactIds) {
            s.append(contacts.find(id)).append(consents.forContact(id)).append(organizations.membershipsOf(id));
            contacts.find(id).ifPresent(c -> s.append(c.active()).append(c.substitute()));
        }
        s.append(organizations.all()).append(consents.purposes());
        for (OrganizationId id : orgIds) {
            s.append(organizations.members(id));
        }
        return s.toString();
    }
}
