package dev.tiketti.core.internal;

import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.spi.EventListener;

/** A listener under the name the host gave it with {@code builder().listener(name, listener)}. Not API. */
public final class NamedListener implements EventListener {
    private final String name;
    private final EventListener listener;

    public NamedListener(String name, EventListener listener) {
        this.name = name;
        this.listener = listener;
    }

    @Override
    public String name() {
        return name;
    }

    /** The listener given a name, for messages about it. */
    public EventListener listener() {
        return listener;
    }

    @Override
    public void on(TicketEvent event) {
        listener.on(event);
    }

    @Override
    public void on(TicketEvent event, EventDelivery delivery) {
        listener.on(event, delivery);
    }

    @Override
    public void onPrivacy(PrivacyEvent event) {
        listener.onPrivacy(event);
    }

    @Override
    public void onPrivacy(PrivacyEvent event, EventDelivery delivery) {
        listener.onPrivacy(event, delivery);
    }

    @Override
    public String toString() {
        return name;
    }
}
