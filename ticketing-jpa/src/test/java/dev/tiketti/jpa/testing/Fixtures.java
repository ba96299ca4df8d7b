package dev.tiketti.jpa.testing;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Made-up tickets and entries for the store tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-03-03T08:15:30.123456789Z");
    public static final ContactId AINO = ContactId.of("6a1d0c1e-2f1b-4c55-9a55-0c1a2b3c4d5e");

    private Fixtures() {
    }

    public static Ticket ticket(String prefix, long number) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("employeeNumber", "004211");
        fields.put("days", new BigDecimal("12.50"));
        fields.put("from", LocalDate.of(2025, 6, 19));
        fields.put("urgent", Boolean.TRUE);
        fields.put("manager", ContactId.of("0f8fad5b-d9cb-469f-a165-70867728950e"));
        return new Ticket(TicketId.random(), new TicketKey(prefix, number), "annual-leave", "hr-general", 1, "NEW",
                Optional.of(Classification.of("Palvelussuhde/Vuosiloma")), Priority.NORMAL, AINO,
                Optional.of(OrganizationId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7")), Optional.empty(),
                TeamId.of("hr"), Channel.EMAIL, "Vuosiloman siirto", Optional.empty(), new CustomFields(fields),
                T0, T0, Optional.empty(), 1);
    }

    public static TimelineEntry entry(Ticket t, String body) {
        return new TimelineEntry(UUID.randomUUID(), t.id(), EntryKind.INBOUND_MESSAGE, Actor.contact(t.requester()),
                Visibility.PUBLIC, Channel.EMAIL, body,
                List.of(new AttachmentRef("a".repeat(64), "todistus.pdf", "application/pdf", 1234)), T0);
    }

    public static TimelineEntry note(Ticket t, String body) {
        return new TimelineEntry(UUID.randomUUID(), t.id(), EntryKind.INTERNAL_NOTE, Actor.agent("maija", "hr", "hr-lead"),
                Visibility.INTERNAL, Channel.OTHER, body, List.of(), T0.plusSeconds(60));
    }

    public static HistoryEntry created(Ticket t) {
        return new HistoryEntry(t.id(), 1, T0, Actor.system(), HistoryAction.CREATED, Optional.empty(),
                List.of(FieldChange.of("state", null, "NEW"), FieldChange.of("priority", null, "NORMAL")));
    }

    public static HistoryEntry transitioned(Ticket after, String transition, String from, String to) {
        return new HistoryEntry(after.id(), after.version(), after.updatedAt(), Actor.agent("maija", "hr"),
                HistoryAction.TRANSITIONED, Optional.of(transition), List.of(FieldChange.of("state", from, to)));
    }

    public static Ticket assigned(Ticket t, String agent) {
        return t.withAssignee(Optional.of(AgentId.of(agent)));
    }
}
