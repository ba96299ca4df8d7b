package dev.tiketti.core.inmemory;

import dev.tiketti.core.spi.AttachmentStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference {@link AttachmentStore} in memory, content-addressed by SHA-256.
 *
 * @since 0.1
 */
public final class InMemoryAttachmentStore implements AttachmentStore {
    private final Map<String, byte[]> content = new ConcurrentHashMap<>();

    @Override
    public String put(byte[] bytes) {
        String digest = sha256(bytes);
        content.putIfAbsent(digest, bytes.clone());
        return digest;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return Optional.ofNullable(content.get(sha256)).map(byte[]::clone);
    }

    @Override
    public boolean delete(String sha256) {
        return content.remove(sha256) != null;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return AttachmentStore.sha256(bytes);
    }
}
