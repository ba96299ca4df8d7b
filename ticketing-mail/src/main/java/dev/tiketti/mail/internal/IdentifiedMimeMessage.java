package dev.tiketti.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message that keeps the Message-ID it was given: {@code saveChanges()} would otherwise
 * replace it with a random one, and a re-delivered mail must carry the id of the first attempt. Not API.
 */
public final class IdentifiedMimeMessage extends MimeMessage {
    private final String messageId;

    public IdentifiedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
