package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.mail.MailRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Generated bombs: each breaks one budget and is rejected with its reason — never a
 * StackOverflowError or OutOfMemoryError (surefire runs this module with a 512 MB heap).
 */
@DisplayName("MailParser budgets")
class MailBudgetTest {
    static final int MB = 1024 * 1024;

    @Test
    void tenThousandNestedMultipartsAreTooDeep() {
        StringBuilder raw = new StringBuilder("Subject: syvä\n");
        for (int i = 0; i < 10_000; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        raw.append("\nleaf\n");
        MailRejectedException e = rejected(MailParser.defaults(), raw.toString());
        assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
        assertThat(e.getMessage()).contains("[TKT-1000]").contains("depth budget of 100").contains("withMaxDepth")
                .doesNotContain("syvä");
        assertThat(e.code()).isEqualTo(ErrorCode.MAIL_REJECTED);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void nestingWithinTheBudgetParses() {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        raw.append("Content-Type: text/plain\n\nsyvällä\n");
        assertThat(MailParser.defaults().parse(raw.toString().getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("syvällä");
    }

    @Test
    void hundredThousandPartsAreTooMany() {
        StringBuilder raw = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 100_000; i++) {
            raw.append("--b\n\nx\n");
        }
        raw.append("--b--\n");
        MailRejectedException e = rejected(MailParser.defaults(), raw.toString());
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PARTS);
        assertThat(e.getMessage()).contains("more MIME parts than the budget of 10000");
    }

    @Test
    void aOneMegabyteHeaderLineIsTooLong() {
        String raw = "From: a@example.com\nSubject: " + "x".repeat(MB) + "\n\nbody\n";
        MailRejectedException e = rejected(MailParser.defaults(), raw);
        assertThat(e.reason()).isEqualTo(Reason.LINE_TOO_LONG);
        assertThat(e.getMessage()).contains("longer than the budget of 1048576 characters").doesNotContain("xxxx");
        MailParser longLines = MailParser.builder().limits(MailLimits.defaults().withMaxLineLength(4 * MB)).build();
        assertThat(rejected(longLines, raw).reason()).isEqualTo(Reason.HEADER_TOO_LONG);
    }

    @Test
    void aFoldedHeaderLongerThanItsBudgetIsTooLong() {
        String raw = "Subject: " + "sana ".repeat(20).concat("\n ").repeat(1_000) + "\n\nbody\n";
        assertThat(rejected(MailParser.defaults(), raw).reason()).isEqualTo(Reason.HEADER_TOO_LONG);
    }

    @Test
    void aLineLongerThanTheLineBudgetIsTooLong() {
        MailParser parser = MailParser.builder().limits(MailLimits.defaults().withMaxLineLength(1_000)).build();
        String raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n" + "y".repeat(5_000) + "\n--b--\n";
        MailRejectedException e = rejected(parser, raw);
        assertThat(e.reason()).isEqualTo(Reason.LINE_TOO_LONG);
        assertThat(e.getMessage()).contains("longer than the budget of 1000 characters");
    }

    @Test
    void twoThousandHeadersAreTooMany() {
        String raw = "X-Filler: 1\n".repeat(2_000) + "\nbody\n";
        MailRejectedException e = rejected(MailParser.defaults(), raw);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_HEADERS);
        assertThat(e.getMessage()).contains("more fields than the budget of 1000");
    }

    @Test
    void htmlLargerThanItsBudget() {
        MailParser parser = MailParser.builder().limits(MailLimits.defaults().withMaxHtmlChars(10_000)).build();
        String raw = "Content-Type: text/html\n\n<p>" + "iso teksti ".repeat(2_000) + "</p>\n";
        MailRejectedException e = rejected(parser, raw);
        assertThat(e.reason()).isEqualTo(Reason.HTML_TOO_LARGE);
        assertThat(e.getMessage()).contains("more than the budget of 10000");
    }

    @Test
    void moreLinksThanTheBudget() {
        String raw = "Content-Type: text/html\n\n" + "<a href=\"https://example.com/\">l</a>\n".repeat(10_001);
        MailRejectedException e = rejected(MailParser.defaults(), raw);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_LINKS);
        assertThat(e.getMessage()).contains("10001 links, more than the budget of 10000");
    }

    @Test
    void deeplyNestedHtmlParsesWithoutStackOverflow() {
        String raw = "Content-Type: text/html\n\n" + "<div>\n".repeat(20_000) + "pohja" + "</div>\n".repeat(20_000);
        InboundMail m = MailParser.defaults().parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(m.text()).contains("pohja");
    }

    @Test
    void slowParsingIsRejectedByTheInjectedTicker() {
        AtomicLong now = new AtomicLong();
        MailParser parser = MailParser.builder().nanoTime(() -> now.addAndGet(Duration.ofSeconds(1).toNanos()))
                .limits(MailLimits.defaults().withMaxProcessingTime(Duration.ofSeconds(5))).build();
        MailRejectedException e = rejected(parser, new String(Mails.raw("thunderbird-mixed.eml"), StandardCharsets.UTF_8));
        assertThat(e.reason()).isEqualTo(Reason.TOO_SLOW);
        assertThat(e.getMessage()).contains("more than the processing-time budget of 5000 ms");
        MailParser frozen = MailParser.builder().nanoTime(() -> 42L).build();
        assertThat(frozen.parse(Mails.raw("thunderbird-mixed.eml")).attachments()).hasSize(2);
    }

    @Test
    void fiftyMegabyteAttachmentIsRejectedWithoutReadingTheStreamWhole() {
        CountingStream in = new CountingStream(bigMail(50 * MB));
        MailRejectedException e = catchThrowableOfType(MailRejectedException.class,
                () -> MailParser.defaults().parse(in));
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("more than the raw-size budget of 10485760 bytes");
        assertThat(in.read).isEqualTo(10L * MB + 1);
    }

    @Test
    void fiftyMegabyteAttachmentParsesWithARaisedBudget() {
        byte[] raw = bigMail(50 * MB);
        assertThat(rejected(MailParser.defaults(), raw).reason()).isEqualTo(Reason.TOO_LARGE);
        MailParser parser = MailParser.builder().limits(MailLimits.defaults().withMaxRawBytes(80L * MB)).build();
        InboundMail m = parser.parse(raw);
        assertThat(m.text()).isEqualTo("Iso liite.");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.size()).isEqualTo(50L * MB);
            assertThat(a.fileName()).isEqualTo("iso.bin");
            byte[] b = a.bytes();
            assertThat(b[0]).isEqualTo(pattern(0));
            assertThat(b[b.length - 1]).isEqualTo(pattern(b.length - 1));
        });
    }

    private static byte pattern(int i) {
        return (byte) (i * 31 % 251);
    }

    /** A mail with one base64 attachment of {@code size} bytes, built straight into one array. */
    private static byte[] bigMail(int size) {
        String head = "From: iso@example.fi\r\nSubject: Iso\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nIso liite.\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=iso.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(size / 57 * 78 + 1_000);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] line = new byte[57];
        for (int i = 0; i < size; i += 57) {
            int n = Math.min(57, size - i);
            for (int j = 0; j < n; j++) {
                line[j] = pattern(i + j);
            }
            out.writeBytes(encoder.encode(n == 57 ? line : java.util.Arrays.copyOf(line, n)));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Counts the bytes the parser takes. */
    private static final class CountingStream extends InputStream {
        private final byte[] data;
        long read;

        CountingStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return read < data.length ? data[(int) read++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= data.length) {
                return -1;
            }
            int n = (int) Math.min(len, data.length - read);
            System.arraycopy(data, (int) read, b, off, n);
            read += n;
            return n;
        }
    }

    private static MailRejectedException rejected(MailParser parser, String raw) {
        return rejected(parser, raw.getBytes(StandardCharsets.UTF_8));
    }

    private static MailRejectedException rejected(MailParser parser, byte[] raw) {
        MailRejectedException e = catchThrowableOfType(MailRejectedException.class, () -> parser.parse(raw));
        assertThat(e).as("rejected").isNotNull();
        return e;
    }

    @Test
    void rejectionNeverThrowsAnythingElse() {
        assertThatThrownBy(() -> MailParser.defaults().parse(new byte[11 * MB])).isInstanceOf(MailRejectedException.class);
    }
}
