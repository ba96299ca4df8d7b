package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.AttachmentStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** {@link AttachmentStore} on Jakarta Persistence: one row per distinct content, keyed by SHA-256. */
public final class JpaAttachmentStore implements AttachmentStore {
    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();

    public JpaAttachmentStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public String put(byte[] content) {
        byte[] copy = content.clone(); // the caller may change its array after we return
        String digest = sha256(copy);
        ems.call("storing attachment " + digest, em -> {
            if (!exists(em, digest)) {
                // An insert that ignores a row stored meanwhile by another caller (the same content,
                // by its address), so a race neither fails nor spoils the caller's transaction.
                String sql = database.isPostgres(em)
                        ? "INSERT INTO tkt_attachment (sha256, size_bytes, content) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (sha256) DO NOTHING"
                        : "MERGE INTO tkt_attachment (sha256, size_bytes, content) KEY (sha256) VALUES (?1, ?2, ?3)";
                em.createNativeQuery(sql).setParameter(1, digest).setParameter(2, (long) copy.length)
                        .setParameter(3, copy).executeUpdate();
            }
            return null;
        });
        return digest;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return ems.find("reading attachment " + sha256, AttachmentEntity.class, sha256, e -> e.content.clone());
    }

    @Override
    public boolean delete(String sha256) {
        return ems.call("deleting attachment " + sha256, em -> em.createQuery(
                "DELETE FROM TktAttachment a WHERE a.sha256 = :sha").setParameter("sha", sha256).executeUpdate() > 0);
    }

    /** Without loading the content. */
    private static boolean exists(jakarta.persistence.EntityManager em, String digest) {
        return em.createQuery("SELECT COUNT(a) FROM TktAttachment a WHERE a.sha256 = :sha", Long.class)
                .setParameter("sha", digest).getSingleResult() > 0;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
