package dev.tiketti.core.spi;

/**
 * Delivers replies and notifications (SMTP in {@code ticketing-mail}; recording in memory).
 *
 * <p>Obligations: called after the change that caused the message has committed; may be called
 * again for the same message after a failure, so delivery should be idempotent where the
 * transport allows; thread-safe. A transient failure throws a
 * {@link dev.tiketti.core.common.StorageUnavailableException} so the caller can retry.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface OutboundTransport {

    void send(OutboundMessage message);

    /**
     * Like {@link #send(OutboundMessage)}, with the delivery's deduplication id (stable across
     * re-deliveries from the outbox, e.g. for a Message-ID) and attempt.
     *
     * @since 0.1
     */
    default void send(OutboundMessage message, dev.tiketti.core.event.EventDelivery delivery) {
        send(message);
    }

    /**
     * Sends a consent request (R8), which belongs to no ticket. A default method so that existing
     * transports keep compiling; until a transport overrides it, {@code privacy().requestConsent}
     * fails with {@code CONSENT_REQUESTS_UNSUPPORTED} and keeps nothing.
     *
     * @since 0.1
     */
    default void send(ConsentRequestMessage message) {
        throw StoreProblems.consentRequestsUnsupported(getClass());
    }
}
