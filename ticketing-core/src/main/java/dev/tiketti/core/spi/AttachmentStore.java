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

    /** The key of {@code content}: its SHA-256 digest in lower-case hex, as {@link #put} must return it. */
    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
