package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One attached file of a parsed mail, decoded from its transfer encoding: a safe file name, the
 * media type, the bytes, and — for images the HTML shows — its Content-ID and the inline flag.
 * Immutable: the bytes are copied in and {@link #bytes()} hands out a copy; {@link #openStream()}
 * reads them without copying.
 *
 * @since 0.1
 */
public final class MailAttachment {
    private final String fileName;
    private final String mediaType;
    private final byte[] content;
    private final Optional<String> contentId;
    private final boolean inline;

    private MailAttachment(String fileName, String mediaType, byte[] content, Optional<String> contentId,
            boolean inline) {
        this.fileName = Require.notBlank(fileName, "fileName");
        this.mediaType = Require.notBlank(mediaType, "mediaType");
        this.content = Require.nonNull(content, "content").clone();
        this.contentId = Require.nonNull(contentId, "contentId");
        this.inline = inline;
    }

    /**
     * An attachment with these parts; {@code content} is copied.
     *
     * @param fileName  a file name without path separators or control characters (the parser sanitises it)
     * @param mediaType lower-case {@code type/subtype}, e.g. {@code application/pdf}
     * @param contentId the Content-ID without angle brackets, if the part had one
     * @param inline    whether the part is shown in the message (inline disposition or an HTML {@code cid:} image)
     */
    public static MailAttachment of(String fileName, String mediaType, byte[] content, Optional<String> contentId,
            boolean inline) {
        return new MailAttachment(fileName, mediaType, content, contentId, inline);
    }

    /** The decoded, sanitised file name (no directories, no control characters); never blank. */
    public String fileName() {
        return fileName;
    }

    /** Lower-case {@code type/subtype}. */
    public String mediaType() {
        return mediaType;
    }

    /** A copy of the decoded bytes. */
    public byte[] bytes() {
        return content.clone();
    }

    /** Reads the decoded bytes without copying them. */
    public InputStream openStream() {
        return new ByteArrayInputStream(content);
    }

    /** The number of decoded bytes. */
    public long size() {
        return content.length;
    }

    /** The Content-ID without angle brackets, e.g. what an HTML body's {@code cid:} URL names. */
    public Optional<String> contentId() {
        return contentId;
    }

    /** Whether the mail shows this part in its body rather than offering it as a download. */
    public boolean inline() {
        return inline;
    }

    /** The same attachment with the inline flag set (an HTML body refers to it by {@code cid:}). */
    public MailAttachment asInline() {
        return inline ? this : new MailAttachment(fileName, mediaType, content, contentId, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAttachment a && inline == a.inline && fileName.equals(a.fileName)
                && mediaType.equals(a.mediaType) && contentId.equals(a.contentId) && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, contentId, inline, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + mediaType + ", " + content.length + " bytes" + (inline ? ", inline" : "") + "]";
    }
}
