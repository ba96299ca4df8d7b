package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.ErrorCode;
import dev.tiketti.core.TicketingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** {@link AttachmentStore} on Jakarta Persistence: one row per distinct content, keyed by SHA-256. */
public final class JpaAttachmentStore implements AttachmentStore {
    private final EntityManagers ems;

    public JpaAttachmentStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public String put(byte[] content) {
        byte[] copy = content.clone(); // the caller may change its array after we return
        String digest = sha256(copy);
        try {
            ems.call("storing attachment " + digest, em -> {
                if (!exists(em, digest)) {
                    AttachmentEntity e = new AttachmentEntity(digest, copy);
                    em.persist(e);
                    em.flush();
                    em.detach(e);
                }
                return null;
            });
        } catch (TicketingException e) {
            // The same content stored concurrently by another caller is the same row: success, if
            // it can be seen now (inside a spoiled transaction it cannot, and the failure stands).
            if (e.code() != ErrorCode.DUPLICATE || !exists(digest)) {
                throw e;
            }
        }
        return digest;
    }

    private boolean exists(String digest) {
        try {
            return ems.call("reading attachment " + digest, em -> exists(em, digest));
        } catch (TicketingException e) {
            return false;
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return ems.call("reading attachment " + sha256, em -> {
            AttachmentEntity e = em.find(AttachmentEntity.class, sha256);
            if (e == null) {
                return Optional.empty();
            }
            em.detach(e);
            return Optional.of(e.content.clone());
        });
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
