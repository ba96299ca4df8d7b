package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ticket type as JSON; {@code ordinal} keeps the order types were first defined in. */
@Entity(name = "TktTicketType")
@Table(name = "tkt_ticket_type")
public class TicketTypeEntity {
    @Id
    @Column(name = "id", length = 200)
    String id;
    @Column(name = "ordinal", nullable = false)
    long ordinal;
    @Column(name = "definition", nullable = false)
    String definition;

    protected TicketTypeEntity() {
    }
}
