package dev.tiketti.core.inmemory;

import dev.tiketti.core.spi.ConsentRequestMessage;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link OutboundTransport} that keeps every message instead of sending it: for tests,
 * examples and hosts that deliver messages themselves.
 *
 * @since 0.1
 */
public final class RecordingOutboundTransport implements OutboundTransport {
    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final List<ConsentRequestMessage> consentRequests = new CopyOnWriteArrayList<>();

    @Override
    public void send(OutboundMessage message) {
        sent.add(message);
    }

    /** Every message sent so far, in order. */
    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void send(ConsentRequestMessage message) {
        consentRequests.add(message);
    }

    /** Every consent request sent so far, in order (kept apart: they belong to no ticket). */
    public List<ConsentRequestMessage> consentRequests() {
        return List.copyOf(consentRequests);
    }

    public void clear() {
        sent.clear();
        consentRequests.clear();
    }
}
