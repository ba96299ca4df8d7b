package dev.tiketti.search.internal;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.search.DocumentKind;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextPart;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Visibility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The stored form of a {@link SearchDocument}: one compact binary value (format byte, then the
 * components in declaration order; enums by name so that reordering constants cannot misread old
 * documents), so {@code document()} returns exactly what was indexed. Not API.
 */
public final class DocumentCodec {
    static final int FORMAT = 1;

    private DocumentCodec() {
    }

    public static byte[] encode(SearchDocument d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(d.ticketId().value().getMostSignificantBits());
            out.writeLong(d.ticketId().value().getLeastSignificantBits());
            string(out, d.key().prefix());
            out.writeLong(d.key().number());
            string(out, d.kind().name());
            string(out, d.typeId());
            string(out, d.team().value());
            string(out, d.state());
            string(out, d.stateCategory().name());
            optional(out, d.assignee().map(AgentId::value));
            string(out, d.channel().name());
            string(out, d.priority().name());
            instant(out, d.createdAt());
            instant(out, d.updatedAt());
            out.writeBoolean(d.slaDue().isPresent());
            if (d.slaDue().isPresent()) {
                instant(out, d.slaDue().get());
            }
            optional(out, d.classification().map(Classification::path));
            out.writeInt(d.requesterEmails().size());
            for (String e : d.requesterEmails()) {
                string(out, e);
            }
            optional(out, d.language().map(Language::name));
            out.writeInt(d.texts().size());
            for (SearchText t : d.texts()) {
                string(out, t.part().name());
                string(out, t.visibility().name());
                string(out, t.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public static SearchDocument decode(byte[] bytes, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            int format = in.readUnsignedByte();
            TicketId id = new TicketId(new UUID(in.readLong(), in.readLong()));
            if (format != FORMAT) {
                throw StoreProblems.searchDocumentUnreadable(id, format);
            }
            TicketKey key = new TicketKey(string(in), in.readLong());
            DocumentKind kind = DocumentKind.valueOf(string(in));
            String type = string(in);
            TeamId team = TeamId.of(string(in));
            String state = string(in);
            StateCategory category = StateCategory.valueOf(string(in));
            Optional<AgentId> assignee = optional(in, AgentId::of);
            Channel channel = Channel.valueOf(string(in));
            Priority priority = Priority.valueOf(string(in));
            Instant created = instant(in);
            Instant updated = instant(in);
            Optional<Instant> sla = in.readBoolean() ? Optional.of(instant(in)) : Optional.empty();
            Optional<Classification> classification = optional(in, Classification::of);
            int emailCount = in.readInt();
            List<String> emails = new ArrayList<>(emailCount);
            for (int i = 0; i < emailCount; i++) {
                emails.add(string(in));
            }
            Optional<Language> language = optional(in, Language::valueOf);
            int textCount = in.readInt();
            List<SearchText> texts = new ArrayList<>(textCount);
            for (int i = 0; i < textCount; i++) {
                texts.add(new SearchText(TextPart.valueOf(string(in)), Visibility.valueOf(string(in)), string(in)));
            }
            return new SearchDocument(id, key, kind, type, team, state, category, assignee, channel, priority, created,
                    updated, sla, classification, emails, language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void optional(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            string(out, s.get());
        }
    }

    private static <T> Optional<T> optional(DataInputStream in, Function<String, T> parse) throws IOException {
        return in.readBoolean() ? Optional.of(parse.apply(string(in))) : Optional.empty();
    }

    private static void instant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
