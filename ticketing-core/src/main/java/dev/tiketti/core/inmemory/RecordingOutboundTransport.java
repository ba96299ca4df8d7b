package dev.tiketti.core.inmemory;

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

    @Override
    public void send(OutboundMessage message) {
        sent.add(message);
    }

    /** Every message sent so far, in order. */
    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    public void clear() {
        sent.clear();
    }
}
