package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last ticket number handed out for a key prefix; locked (SELECT ... FOR UPDATE) while it is advanced. */
@Entity(name = "TktKeySequence")
@Table(name = "tkt_key_sequence")
public class KeySequenceEntity {
    @Id
    @Column(name = "prefix", length = 10)
    String prefix;
    @Column(name = "last_number", nullable = false)
    long lastNumber;

    protected KeySequenceEntity() {
    }

    KeySequenceEntity(String prefix, long lastNumber) {
        this.prefix = prefix;
        this.lastNumber = lastNumber;
    }
}
