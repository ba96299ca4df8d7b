package dev.tiketti.benchmarks.mail;

import dev.tiketti.mail.InboundMail;
import dev.tiketti.mail.MailAddress;
import dev.tiketti.mail.MailParser;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/** One way of turning raw mail bytes into from/subject/text: Tiketti, or a peer library used bare. */
public interface MailContender {

    ParsedMail parse(byte[] raw);

    static MailContender named(String name) {
        return switch (name) {
            case "tiketti" -> new Tiketti();
            case "mime4j-dom" -> new Mime4jDom();
            case "angus-mimemessage" -> new AngusMimeMessage();
            default -> throw new IllegalArgumentException("unknown contender " + name);
        };
    }

    /** {@code MailParser.parse}: budgets, charsets, HTML sanitising, quoted history, classification included. */
    final class Tiketti implements MailContender {
        private final MailParser parser = MailParser.defaults();

        @Override
        public ParsedMail parse(byte[] raw) {
            InboundMail m = parser.parse(raw);
            return new ParsedMail(m.from().map(MailAddress::address).orElse(""), m.subject(), m.text());
        }
    }

    /** Bare mime4j DOM: {@code DefaultMessageBuilder.parseMessage}, then the first text/plain body read whole. */
    final class Mime4jDom implements MailContender {
        private final DefaultMessageBuilder builder = new DefaultMessageBuilder();

        Mime4jDom() {
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        }

        @Override
        public ParsedMail parse(byte[] raw) {
            try {
                Message m = builder.parseMessage(new ByteArrayInputStream(raw));
                String from = m.getFrom() == null || m.getFrom().isEmpty() ? "" : ((Mailbox) m.getFrom().get(0)).getAddress();
                String subject = m.getSubject() == null ? "" : m.getSubject();
                return new ParsedMail(from, subject, text(m));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Entity entity) throws IOException {
            Body body = entity.getBody();
            if (body instanceof org.apache.james.mime4j.dom.Multipart multipart) {
                for (Entity part : multipart.getBodyParts()) {
                    String t = text(part);
                    if (!t.isEmpty()) {
                        return t;
                    }
                }
                return "";
            }
            if (body instanceof TextBody textBody && "text/plain".equals(entity.getMimeType())
                    && !"attachment".equals(entity.getDispositionType())) {
                StringBuilder out = new StringBuilder();
                try (Reader reader = textBody.getReader()) {
                    char[] buffer = new char[8192];
                    for (int n; (n = reader.read(buffer)) > 0; ) {
                        out.append(buffer, 0, n);
                    }
                }
                return out.toString();
            }
            return "";
        }
    }

    /** Bare Angus Mail: {@code new MimeMessage(session, stream)}, walked with {@code getContent()} to the text part. */
    final class AngusMimeMessage implements MailContender {
        private final Session session = Session.getInstance(new Properties());

        @Override
        public ParsedMail parse(byte[] raw) {
            try {
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
                jakarta.mail.Address[] from = m.getFrom();
                String address = from == null || from.length == 0 ? "" : ((InternetAddress) from[0]).getAddress();
                String subject = m.getSubject() == null ? "" : m.getSubject();
                return new ParsedMail(address, subject, text(m));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String t = text(child);
                    if (!t.isEmpty()) {
                        return t;
                    }
                }
                return "";
            }
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
            return "";
        }
    }
}
