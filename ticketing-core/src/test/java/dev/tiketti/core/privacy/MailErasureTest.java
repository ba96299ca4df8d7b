package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.inmemory.InMemoryMailStore;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.QuarantinedMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Erasure forgets the person's addresses in the mail store and deletes their quarantined raw mails (R8). */
class MailErasureTest {
    static final Actor DPO = Actor.agent("tietosuoja", "dpo");

    final InMemoryMailStore mail = new InMemoryMailStore();
    final PrivacyWorld w = new PrivacyWorld(b -> b.mailStore(mail));
    final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "");
    final Contact matti = w.contact(3, "Matti Korhonen", "matti.korhonen@example.com", "");

    QuarantinedMail quarantine(String key, String sender, String raw) {
        String digest = w.attachmentStore.put(raw.getBytes(StandardCharsets.UTF_8));
        QuarantinedMail q = new QuarantinedMail(UUID.randomUUID(), "hr@example.fi/INBOX", key,
                PrivacyWorld.START, "TKT-1003", "message over the size limit", Optional.of(sender), digest, raw.length());
        assertThat(mail.quarantine(q)).isTrue();
        return q;
    }

    ErasureRequest request() {
        return ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("lomake-2026-3"));
    }

    @Test
    void forgetsThePersonsMailDataAndDeletesTheRawMailsButNothingOfOthers() {
        QuarantinedMail ainos = quarantine("k-aino", "Aino.Virtanen@Example.FI", "From: Aino Virtanen\r\n\r\nHei!");
        QuarantinedMail mattis = quarantine("k-matti", "matti.korhonen@example.com", "From: Matti\r\n\r\nMoi!");
        mail.markFailing("aino.virtanen@example.fi", PrivacyWorld.START, "5.1.1");
        mail.markFailing("matti.korhonen@example.com", PrivacyWorld.START, "5.1.1");
        mail.recordAutomatic("AINO.virtanen@example.fi", PrivacyWorld.START);
        mail.recordAutomatic("matti.korhonen@example.com", PrivacyWorld.START);

        ErasureReport report = w.privacy.erasure().erase(request());

        String id = aino.id().toString();
        assertThat(report.items()).contains(
                new ErasureItem(ErasureItem.Store.MAIL, "quarantine/" + ainos.id(), DataCategory.TICKET_TEXT,
                        new ErasureOutcome.Deleted()),
                new ErasureItem(ErasureItem.Store.MAIL, id + "/address-failures", DataCategory.CONTACT_CHANNELS,
                        new ErasureOutcome.Deleted()),
                new ErasureItem(ErasureItem.Store.MAIL, id + "/automatic-mails", DataCategory.CONTACT_CHANNELS,
                        new ErasureOutcome.Deleted()),
                new ErasureItem(ErasureItem.Store.ATTACHMENTS, ainos.rawSha256(), DataCategory.ATTACHMENTS,
                        new ErasureOutcome.Deleted()));
        assertThat(report.items()).filteredOn(i -> i.store() == ErasureItem.Store.MAIL).hasSize(3);
        assertThat(report.toString()).doesNotContainIgnoringCase("aino.virtanen@example.fi");
        assertThat(w.attachmentStore.get(ainos.rawSha256())).isEmpty();
        assertThat(mail.quarantined(ainos.id())).isEmpty();
        assertThat(mail.failure("aino.virtanen@example.fi")).isEmpty();
        assertThat(mail.countAutomatic("aino.virtanen@example.fi", PrivacyWorld.START)).isZero();

        assertThat(mail.quarantined(mattis.id())).contains(mattis);
        assertThat(w.attachmentStore.get(mattis.rawSha256())).isPresent();
        assertThat(mail.failure("matti.korhonen@example.com")).isPresent();
        assertThat(mail.countAutomatic("matti.korhonen@example.com", PrivacyWorld.START)).isEqualTo(1);
    }

    @Test
    void aRawMailThatATicketRefersToStays() {
        String raw = "Subject: hakemus\r\n\r\nLiitteenä hakemus."; // names nobody, so the ticket keeps it
        QuarantinedMail ainos = quarantine("k-aino", "aino.virtanen@example.fi", raw);
        dev.tiketti.core.ticket.Ticket matts = w.open("general", matti.id(), "Välitetty viesti", "Katso liite");
        w.ticketing.tickets().addEntry(dev.tiketti.core.ticket.NewEntry.note(matts.id(), PrivacyWorld.AGENT, "liite")
                .withAttachment(w.text("viesti.eml", raw)));

        w.privacy.erasure().erase(request());

        assertThat(mail.quarantined(ainos.id())).isEmpty();
        assertThat(w.attachmentStore.get(AttachmentStore.sha256(raw.getBytes(StandardCharsets.UTF_8)))).isPresent();
    }

    @Test
    void aPolicyThatRetainsTheContactsChannelsKeepsTheMailData() {
        QuarantinedMail ainos = quarantine("k-aino", "aino.virtanen@example.fi", "From: Aino\r\n\r\nHei");
        mail.markFailing("aino.virtanen@example.fi", PrivacyWorld.START, "5.1.1");
        ErasurePolicy policy = ErasurePolicy.builder().retain(DataCategory.CONTACT_CHANNELS, new Retention(
                LegalBasis.LEGAL_OBLIGATION, "tax audit correspondence", Optional.empty())).build();

        ErasureReport report = w.privacy.erasure().erase(request(), policy);

        assertThat(report.items()).noneMatch(i -> i.store() == ErasureItem.Store.MAIL);
        assertThat(mail.quarantined(ainos.id())).contains(ainos);
        assertThat(mail.failure("aino.virtanen@example.fi")).isPresent();
        assertThat(w.attachmentStore.get(ainos.rawSha256())).isPresent();
    }

    @Test
    void anEmptyMailStoreAddsNoMailItems() {
        PrivacyWorld plain = new PrivacyWorld(b -> b);
        Contact eeva = plain.contact(5, "Eeva Lahtinen", "eeva.lahtinen@example.fi", "");

        ErasureReport report = plain.privacy.erasure().erase(
                ErasureRequest.of(eeva.id(), DPO, new ErasureSource.Form("lomake-2026-4")));

        assertThat(report.items()).noneMatch(i -> i.store() == ErasureItem.Store.MAIL);
        assertThat(List.of(report.status())).containsExactly(ErasureReport.Status.COMPLETED);
    }
}
