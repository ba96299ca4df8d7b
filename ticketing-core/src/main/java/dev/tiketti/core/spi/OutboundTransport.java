package dev.tiketti.core.spi;

/**
 * Delivers replies and notifications (SMTP in {@code ticketing-mail}; recording in memory).
 *
 * <p>Obligations: called after the change that caused the message has committed; may be called
 * again for the same message after a failure, so delivery should be idempotent where the
 * transport allows; thread-safe. A transient failure throws a
 * {@link dev.tiketti.core.StorageUnavailableException} so the caller can retry.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface OutboundTransport {

    void send(OutboundMessage message);
}
