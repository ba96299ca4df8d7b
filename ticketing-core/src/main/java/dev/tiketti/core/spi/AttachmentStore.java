package dev.tiketti.core.spi;

import java.util.Optional;

/**
 * Stores binary attachment content addressed by its SHA-256 digest, so identical content is
 * kept once.
 *
 * <p>Obligations (checked by {@code AttachmentStoreContract}): {@link #put} returns the lower-case
 * hex SHA-256 of the content and is idempotent; {@link #get} returns an exact copy;
 * {@link #delete} of absent content returns false; thread-safe.
 *
 * @since 0.1
 */
public interface AttachmentStore {

    String put(byte[] content);

    Optional<byte[]> get(String sha256);

    boolean delete(String sha256);
}
