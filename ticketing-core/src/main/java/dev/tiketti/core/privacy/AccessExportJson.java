package dev.tiketti.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes an {@link AccessExport} as JSON with Jackson (optional in core; checked by the caller). Not API. */
final class AccessExportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AccessExportJson() {
    }

    public static String write(AccessExport e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "tiketti-access-export/1");
        root.put("exportedAt", e.exportedAt().toString());
        root.put("contact", contact(e.contact()));
        root.put("memberships", e.memberships().stream().map(AccessExportJson::membership).toList());
        root.put("consents", e.consents().stream().map(AccessExportJson::consent).toList());
        root.put("tickets", e.tickets().stream().map(AccessExportJson::ticket).toList());
        root.put("messages", e.messages().stream().map(AccessExportJson::entry).toList());
        root.put("attachments", e.attachments().stream().map(AccessExportJson::attachment).toList());
        root.put("accesses", e.accesses().stream().map(AccessExportJson::access).toList());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("maps of strings always serialise", ex);
        }
    }

    private static Map<String, Object> contact(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("name", c.name());
        m.put("emails", c.emails());
        m.put("phones", c.phones());
        m.put("language", c.language().name());
        m.put("assurance", c.assurance().name());
        m.put("active", c.active());
        c.substitute().ifPresent(s -> m.put("substitute", s.toString()));
        return m;
    }

    private static Map<String, Object> membership(Membership ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organization", ms.organization().toString());
        m.put("role", ms.role());
        ms.contract().ifPresent(c -> {
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("reference", c.reference());
            contract.put("validFrom", c.validFrom().toString());
            c.validUntil().ifPresent(u -> contract.put("validUntil", u.toString()));
            m.put("contract", contract);
        });
        return m;
    }

    private static Map<String, Object> consent(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("purpose", c.purpose().value());
        m.put("basis", c.basis().name());
        m.put("text", c.text());
        m.put("textVersion", c.textVersion());
        m.put("channel", c.channel().name());
        m.put("recordedAt", c.recordedAt().toString());
        c.evidence().ifPresent(ev -> m.put("evidence", ev));
        c.withdrawnAt().ifPresent(w -> m.put("withdrawnAt", w.toString()));
        return m;
    }

    private static Map<String, Object> ticket(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().toString());
        m.put("key", t.key().toString());
        m.put("type", t.typeId());
        m.put("state", t.state());
        m.put("subject", t.subject());
        t.resolution().ifPresent(r -> m.put("resolution", r));
        m.put("createdAt", t.createdAt().toString());
        m.put("updatedAt", t.updatedAt().toString());
        Map<String, String> fields = new LinkedHashMap<>();
        t.fields().values().forEach((k, v) -> fields.put(k, String.valueOf(v)));
        m.put("fields", fields);
        return m;
    }

    private static Map<String, Object> entry(TimelineEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("ticketId", e.ticketId().toString());
        m.put("kind", e.kind().name());
        m.put("author", e.author().toString());
        m.put("channel", e.channel().name());
        m.put("at", e.at().toString());
        m.put("body", e.body());
        m.put("attachments", e.attachments().stream().map(AttachmentRef::fileName).toList());
        return m;
    }

    private static Map<String, Object> attachment(AttachmentRef a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", a.sha256());
        m.put("fileName", a.fileName());
        m.put("mediaType", a.mediaType());
        m.put("size", a.size());
        return m;
    }

    private static Map<String, Object> access(AccessRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("actor", r.actor().toString());
        m.put("purpose", r.purpose().value());
        m.put("read", List.copyOf(r.read()));
        return m;
    }
}
