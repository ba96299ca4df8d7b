package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The code of docs/mail.md, run: the guide shows exactly what this test executes. */
class MailGuideTest {

    @Test
    void parsing_raw_mail() {
        byte[] raw = Mails.raw("outlook-fi-reply.eml");
        // tag::parse[]
        MailParser parser = MailParser.builder()
                .limits(MailLimits.defaults().withMaxRawBytes(25L * 1024 * 1024))
                .ownAddresses(List.of("tuki@example.fi"))
                .build();
        try {
            InboundMail mail = parser.parse(raw);
            if (mail.kind() == MailKind.PERSONAL) {
                String sender = mail.from().map(MailAddress::address).orElse("unknown");
                String first = mail.newText();                  // the reply, without the quoted history
                String threadKey = mail.messageId().orElse(mail.digest());
                assertThat(sender).isEqualTo("Maija.Makinen@example.fi");
                assertThat(first).startsWith("Hei,").doesNotContain("Alkuperäinen viesti");
                assertThat(threadKey).isEqualTo("AM0PR01MB1234ABCD@example.fi");
            }
        } catch (MailRejectedException e) {
            quarantine(raw, e.reason());                       // over a budget: keep the bytes for a person
        }
        // end::parse[]
    }

    private static void quarantine(byte[] raw, MailRejectedException.Reason reason) {
        throw new AssertionError("the guide's mail is within every budget, not " + reason + " (" + raw.length + " bytes)");
    }

    @Test
    void the_guide_shows_the_code_that_runs() throws IOException {
        String guide = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/mail.md"));
        String source = Files.readString(Path.of("src/test/java/dev/tiketti/mail/MailGuideTest.java"));
        for (String tag : List.of("parse")) {
            Matcher inGuide = Pattern.compile("<!-- snippet:" + tag + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(guide);
            Matcher inSource = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\s*// end::" + tag + "\\[]",
                    Pattern.DOTALL).matcher(source);
            assertThat(inGuide.find()).as("docs/mail.md has snippet " + tag).isTrue();
            assertThat(inSource.find()).as("MailGuideTest has region " + tag).isTrue();
            assertThat(dedent(inGuide.group(1))).as(tag).isEqualTo(dedent(inSource.group(1)));
        }
    }

    @Test
    void the_budget_table_shows_the_defaults() throws IOException {
        String guide = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/mail.md"));
        MailLimits d = MailLimits.defaults();
        assertThat(guide).contains("| `maxRawBytes` | " + d.maxRawBytes() + " (10 MiB)")
                .contains("| `maxDepth` | " + d.maxDepth() + " |")
                .contains("| `maxParts` | " + d.maxParts() + " |")
                .contains("| `maxHeaderCount` | " + d.maxHeaderCount() + " |")
                .contains("| `maxHeaderLength` | " + d.maxHeaderLength() + " (64 KiB)")
                .contains("| `maxLineLength` | " + d.maxLineLength() + " (1 MiB)")
                .contains("| `maxHtmlChars` | " + d.maxHtmlChars() + " (5 MiB)")
                .contains("| `maxLinks` | " + d.maxLinks() + " |")
                .contains("| `maxProcessingTime` | " + d.maxProcessingTime() + " |");
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
