package dev.tiketti.mail;

import dev.tiketti.mail.internal.InMemoryLoopBrakeStore;
import java.time.Instant;

/**
 * Where the loop brake of the SMTP transport counts the automatic mails sent to each address, so
 * that at most so many go to one address in a window whatever an autoresponder at the other end
 * does. A candidate SPI: the in-memory {@link #inMemory()} now, a database-backed one so that nodes
 * share the count later.
 *
 * <p>Obligations: thread-safe; addresses are compared as given (the transport passes them
 * stripped and in lower case); {@link #forget} removes every record of an address (erasure, R8);
 * {@link #purgeBefore} removes records older than an instant (retention: the transport never asks
 * about records older than its window). The count may lag behind concurrent records by a few on
 * another node: the brake is a safety net, not an exact quota.
 *
 * @since 0.1
 */
public interface LoopBrakeStore {

    /** Records one automatic mail sent to {@code address} at {@code at}. */
    void record(String address, Instant at);

    /** How many mails to {@code address} were recorded at or after {@code since}. */
    int count(String address, Instant since);

    /** Forgets every record of {@code address}; returns how many there were. */
    int forget(String address);

    /** Removes every record older than {@code before}; returns how many. */
    int purgeBefore(Instant before);

    /** A store in this JVM's memory: counts are per node and lost on restart. */
    static LoopBrakeStore inMemory() {
        return new InMemoryLoopBrakeStore();
    }
}
