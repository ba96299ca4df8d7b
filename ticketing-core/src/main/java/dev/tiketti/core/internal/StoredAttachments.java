package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.Attachments;
import java.util.List;
import java.util.Optional;

/** The {@link Attachments} area over the attachment store. Not API. */
public final class StoredAttachments implements Attachments {
    private final AttachmentStore store;

    public StoredAttachments(AttachmentStore store) {
        this.store = store;
    }

    @Override
    public AttachmentRef store(String fileName, String mediaType, byte[] content) {
        Require.nonNull(content, "content");
        Require.notBlank(fileName, "attachment file name");
        Require.notBlank(mediaType, "attachment media type");
        String digest = store.put(content);
        return new AttachmentRef(digest, fileName, mediaType, content.length);
    }

    @Override
    public Optional<byte[]> content(AttachmentRef ref) {
        return store.get(Require.nonNull(ref, "attachment reference").sha256());
    }

    /** Fails with {@code ATTACHMENT_NOT_FOUND} for the first reference whose content is not stored. */
    void requireStored(List<AttachmentRef> refs) {
        for (AttachmentRef ref : refs) {
            if (store.get(ref.sha256()).isEmpty()) {
                throw TicketProblems.attachmentNotFound(ref.sha256());
            }
        }
    }
}
