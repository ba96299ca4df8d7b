package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.Ticket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessExportTest {
    final PrivacyWorld w = new PrivacyWorld();
    final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "040 123 4567");
    final Contact matti = w.contact(3, "Matti Korhonen", "matti.korhonen@example.com", "");

    @Test
    void exportsTheRecordConsentsTicketsMessagesAttachmentsAndAccessesAsJsonAndText() throws Exception {
        w.privacy.consents().record(aino.id(), PrivacyWorld.SERVICE, LegalBasis.CONSENT, "Palvelu", "v2", Channel.WEB_FORM,
                Optional.of("form:17"));
        Ticket own = w.open("general", aino.id(), "Loma", "Voinko pitää lomaa?");
        w.ticketing.tickets().addEntry(NewEntry.note(own.id(), PrivacyWorld.AGENT, "Sisäinen muistiinpano"));
        w.ticketing.tickets().addEntry(NewEntry.reply(own.id(), PrivacyWorld.AGENT, "Voit."));
        Ticket mattis = w.open("general", matti.id(), "Muu asia", "Hei");
        w.ticketing.tickets().addEntry(NewEntry.inbound(mattis.id(), Actor.contact(aino.id()), Channel.EMAIL, "Kommentti")
                .withAttachment(w.text("cv.txt", "CV")));
        w.privacy.access().readContact(aino.id(), PrivacyWorld.AGENT, PrivacyWorld.SERVICE);

        AccessExport export = w.privacy.access().export(aino.id(), Actor.agent("tietosuoja", "dpo"), PrivacyWorld.SERVICE);

        JsonNode json = new ObjectMapper().readTree(export.toJson());
        assertThat(json.get("contact").get("name").asText()).isEqualTo("Aino Virtanen");
        assertThat(json.get("consents").get(0).get("textVersion").asText()).isEqualTo("v2");
        assertThat(json.get("tickets")).hasSize(1);
        assertThat(json.get("tickets").get(0).get("key").asText()).isEqualTo(own.key().toString());
        // own public entries and what she wrote elsewhere; not the internal note
        assertThat(json.get("messages")).extracting(m -> m.get("body").asText())
                .containsExactly("Voinko pitää lomaa?", "Voit.", "Kommentti");
        assertThat(json.get("attachments").get(0).get("fileName").asText()).isEqualTo("cv.txt");
        assertThat(json.get("accesses")).extracting(a -> a.get("read").get(0).asText())
                .containsExactly("contact", "access-export");
        assertThat(export.summary()).contains("Aino Virtanen", "aino.virtanen@example.fi", own.key().toString(),
                "cv.txt", "agent:tietosuoja", "Who accessed your data (2)");
        assertThat(export.toString()).doesNotContain("Aino", "example.fi");
        assertThat(w.privacy.access().accessesTo(aino.id())).hasSize(2);
    }
}
