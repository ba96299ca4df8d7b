package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MailParser")
class MailParserTest {

    @Nested
    @DisplayName("reads the shapes of the common mail clients")
    class Shapes {
        @Test
        void outlookFinnishReplyWithLatin1LabelAndEuroByte() {
            InboundMail m = parse("outlook-fi-reply.eml");
            assertThat(m.from()).contains(new MailAddress("Maija.Makinen@example.fi", Optional.of("Mäkinen, Maija")));
            assertThat(m.to()).containsExactly(new MailAddress("pekka.pollanen@example.com", Optional.of("Pekka Pöllänen")));
            assertThat(m.cc()).extracting(MailAddress::address).containsExactly("tuki@example.fi", "arkisto@example.fi");
            assertThat(m.subject()).isEqualTo("VS: Tilauksen tila – äöå €");
            assertThat(m.date()).contains(Instant.parse("2024-12-02T10:30:00Z"));
            assertThat(m.messageId()).contains("AM0PR01MB1234ABCD@example.fi");
            assertThat(m.inReplyTo()).containsExactly("orig-1@example.com");
            assertThat(m.references()).containsExactly("orig-0@example.com", "orig-1@example.com");
            assertThat(m.text()).contains("Hinta on 120 € ja toimitus Åland-saarille").contains("Missä tilaukseni on?");
            assertThat(m.newText()).endsWith("Terveisin\nMaija Mäkinen").doesNotContain("Alkuperäinen");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("-----Alkuperäinen viesti-----")
                    .contains("Lähettäjä: Pekka Pöllänen"));
            assertThat(m.html()).hasValueSatisfying(h -> assertThat(h).contains("<p>Hei,</p>").contains("120 €")
                    .doesNotContain("<style").doesNotContain("color:red"));
            assertThat(m.attachments()).isEmpty();
            assertThat(m.kind()).isEqualTo(MailKind.PERSONAL);
            assertThat(m.header("thread-topic")).contains("Tilauksen tila");
        }

        @Test
        void gmailEnglishReplyInBase64WithQuotedLines() {
            InboundMail m = parse("gmail-en-reply.eml");
            assertThat(m.from()).contains(new MailAddress("sofia.astrom@example.com", Optional.of("Sofia Åström")));
            assertThat(m.subject()).isEqualTo("Re: Invoice € 120");
            assertThat(m.date()).contains(Instant.parse("2024-12-03T16:05:11Z"));
            assertThat(m.newText()).isEqualTo("Thanks, the invoice arrived. Päivi will pay it on Friday.");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q)
                    .startsWith("On Mon, Dec 2, 2024 at 10:15 AM Matti Virtanen").contains("> the invoice is attached."));
        }

        @Test
        void appleMailRelatedHtmlWithCidImageKeepsTheImageAsInlineAttachment() {
            InboundMail m = parse("apple-sv-related.eml");
            assertThat(m.subject()).isEqualTo("Skärmbild från mötet");
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("skärmbild.png");
                assertThat(a.mediaType()).isEqualTo("image/png");
                assertThat(a.contentId()).contains("bild1@example.com");
                assertThat(a.inline()).isTrue();
                assertThat(a.bytes()).startsWith(0x89, 'P', 'N', 'G');
            });
            assertThat(m.html()).hasValueSatisfying(h -> assertThat(h).contains("<img src=\"cid:bild1@example.com\""));
            // only HTML: the text comes from it, with its blocks as lines and the link's URL kept
            assertThat(m.text()).startsWith("Hej!\nHär är skärmbilden från mötet:\nLäs guiden <https://example.com/guide>.");
            assertThat(m.newText()).doesNotContain("skrev");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("Den 3 dec. 2024 kl. 10:00 skrev Tuki")
                    .contains("Skicka en bild, tack."));
        }

        @Test
        void thunderbirdMixedWithFlowedTextPdfAndTextAttachment() {
            InboundMail m = parse("thunderbird-mixed.eml");
            assertThat(m.text()).isEqualTo("Hei, liitteenä sopimus ja muistio. Tämä rivi on pitkä ja se on rivitetty "
                    + "flowed-muodossa, joten sen pitää palata yhdeksi riviksi.\n\nJuha");
            assertThat(m.attachments()).extracting(MailAttachment::fileName, MailAttachment::mediaType,
                    MailAttachment::inline).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Söpimus € 2024.pdf", "application/pdf", false),
                    org.assertj.core.groups.Tuple.tuple("määräykset.txt", "text/plain", false));
            assertThat(new String(m.attachments().get(0).bytes(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
            assertThat(new String(m.attachments().get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("Määräykset: ää öö åå €");
        }

        @Test
        void tnefWinmailDatStaysAnAttachment() {
            InboundMail m = parse("outlook-tnef.eml");
            assertThat(m.text()).isEqualTo("See attached.");
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("winmail.dat");
                assertThat(a.mediaType()).isEqualTo("application/ms-tnef");
                assertThat(a.size()).isEqualTo(11);
            });
        }

        @Test
        void tnefSentAsOctetStreamIsTypedAsTnef() {
            String raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n--x\n\nHi\n--x\n"
                    + "Content-Type: application/octet-stream; name=WINMAIL.DAT\nContent-Transfer-Encoding: base64\n\neJ8+Ig==\n--x--\n";
            assertThat(parse(raw.getBytes(StandardCharsets.US_ASCII)).attachments()).singleElement()
                    .extracting(MailAttachment::mediaType).isEqualTo("application/ms-tnef");
        }
    }

    @Nested
    @DisplayName("decodes every charset without mojibake")
    class Charsets {
        @Test
        void rawUtf8Headers() {
            InboundMail m = parse("raw8bit-utf8.eml");
            assertThat(m.from()).map(a -> a.name().orElseThrow()).contains("Jörö Järvinen");
            assertThat(m.to()).extracting(a -> a.name().orElseThrow()).containsExactly("Åsa Öberg");
            assertThat(m.subject()).isEqualTo("Räksmörgås och €-pris");
            assertThat(m.text()).isEqualTo("Hyvää päivää! Räksmörgås kostar 5 €.");
        }

        @Test
        void rawWindows1252HeadersAndBody() {
            InboundMail m = parse("raw8bit-cp1252.eml");
            assertThat(m.from()).map(a -> a.name().orElseThrow()).contains("Jörö Järvinen");
            assertThat(m.subject()).isEqualTo("Hinta 5 € ja Åland");
            assertThat(m.text()).isEqualTo("Hyvää päivää! Hinta 5 € Ålandissa.");
        }

        @Test
        void adjacentEncodedWordsJoinEvenWhenACharacterIsSplitAcrossThem() {
            InboundMail m = parse("charset-mix.eml");
            assertThat(m.from()).map(a -> a.name().orElseThrow()).contains("Meikäläinen, Matti");
            assertThat(m.subject()).isEqualTo("Räksmörgås ja € plain end");
        }

        @Test
        void unknownAndLatin1LabelsNeverThrow() {
            InboundMail m = parse("charset-mix.eml");
            assertThat(m.to()).extracting(a -> a.name().orElseThrow()).containsExactly("Garbled ä", "Åsa");
            assertThat(m.text()).isEqualTo("Hyvää päivää, tämä on utf-8 vaikka charset on tuntematon.");
            assertThat(m.attachments()).singleElement().extracting(MailAttachment::fileName).isEqualTo("åäö_€.txt");
        }

        @Test
        void latin1LabelMeansWindows1252() {
            byte[] raw = bytes("Subject: =?ISO-8859-1?Q?=80_=E4?=\nContent-Type: text/plain; charset=latin1\n\n",
                    new byte[] {(byte) 0x80, ' ', (byte) 0xe4, (byte) 0xc5});
            InboundMail m = parse(raw);
            assertThat(m.subject()).isEqualTo("€ ä");
            assertThat(m.text()).isEqualTo("€ äÅ");
        }

        @Test
        void usAsciiLabelWithUtf8BytesIsReadAsUtf8() {
            byte[] raw = bytes("Content-Type: text/plain; charset=us-ascii\n\n", "Hyvää".getBytes(StandardCharsets.UTF_8));
            assertThat(parse(raw).text()).isEqualTo("Hyvää");
        }

        @Test
        void rfc2231ContinuationsAndQuotedPrintableBodies() {
            String raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n"
                    + "Content-Transfer-Encoding: quoted-printable\n\nH=C3=A4n =E2=82=AC=\n soft\n--b\n"
                    + "Content-Type: application/octet-stream\nContent-Disposition: attachment;\n"
                    + " filename*0=\"tiedosto \"; filename*1*=%C3%A5%C3%A4;\n filename*2=\".bin\"\n\nxx\n--b--\n";
            InboundMail m = parse(raw.getBytes(StandardCharsets.US_ASCII));
            assertThat(m.text()).isEqualTo("Hän € soft");
            assertThat(m.attachments()).singleElement().extracting(MailAttachment::fileName).isEqualTo("tiedosto åä.bin");
        }

        @Test
        void encodedWordInsideQuotedDisplayName() {
            byte[] raw = "From: \"=?utf-8?Q?=C3=85sa_=C3=96berg?=\" <asa@EXAMPLE.com>\n\nx".getBytes(StandardCharsets.US_ASCII);
            assertThat(parse(raw).from()).contains(new MailAddress("asa@example.com", Optional.of("Åsa Öberg")));
        }
    }

    @Nested
    @DisplayName("puts the newest text first and keeps the quoted history")
    class QuotedHistory {
        @Test
        void englishOutlookFromSentBlock() {
            InboundMail m = parse("outlook-en-reply.eml");
            assertThat(m.newText()).isEqualTo("Works now, thanks.");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("From: Tuki").contains("Please try again."));
        }

        @Test
        void englishOriginalMessageSeparator() {
            InboundMail m = parse("outlook-en-original.eml");
            assertThat(m.newText()).isEqualTo("See below.");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("-----Original Message-----"));
        }

        @Test
        void swedishOutlookWithUnderscoreLine() {
            InboundMail m = parse("outlook-sv-reply.eml");
            assertThat(m.subject()).isEqualTo("SV: Din fråga");
            assertThat(m.newText()).endsWith("Med vänliga hälsningar\nErik");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).contains("Från: Tuki").contains("Skickat:"));
        }

        @Test
        void finnishGmailKirjoitti() {
            InboundMail m = parse("gmail-fi-reply.eml");
            assertThat(m.newText()).isEqualTo("Kiitos, nyt toimii!");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("ma 2.12.2024 klo 10.15 Tuki")
                    .endsWith("> Vaihda salasana osoitteessa example.fi."));
        }

        @Test
        void attributionWrappedOntoTwoLines() {
            InboundMail m = parse(("Content-Type: text/plain\n\nOK!\n\nOn Mon, 2 Dec 2024 at 10.15, Matti Virtanen "
                    + "<matti@example.fi>\nwrote:\n> Hei\n").getBytes(StandardCharsets.UTF_8));
            assertThat(m.newText()).isEqualTo("OK!");
            assertThat(m.quoted()).hasValueSatisfying(q -> assertThat(q).startsWith("On Mon, 2 Dec 2024"));
        }

        @Test
        void noMarkerMeansAllIsNew() {
            InboundMail m = parse("list.eml");
            assertThat(m.newText()).isEqualTo(m.text()).isEqualTo("Hyvää joulua kaikille!");
            assertThat(m.quoted()).isEmpty();
        }
    }

    @Nested
    @DisplayName("classifies machine mail")
    class Classification {
        @Test
        void fullDeliveryStatusNotification() {
            InboundMail m = parse("dsn-full.eml");
            assertThat(m.kind()).isEqualTo(MailKind.BOUNCE);
            assertThat(m.bounce()).hasValueSatisfying(b -> {
                assertThat(b.failedRecipients()).containsExactly("nobody@example.com");
                assertThat(b.originalMessageId()).contains("reply-HR-1042.7@example.fi");
            });
            assertThat(m.text()).startsWith("This is the mail system");
            assertThat(m.attachments()).extracting(MailAttachment::mediaType)
                    .containsExactly("message/delivery-status", "message/rfc822");
        }

        @Test
        void deliveryStatusWithOnlyTheReturnedHeaders() {
            InboundMail m = parse("dsn-headers-only.eml");
            assertThat(m.kind()).isEqualTo(MailKind.BOUNCE);
            assertThat(m.bounce()).hasValueSatisfying(b -> {
                assertThat(b.failedRecipients()).containsExactly("Poissa@example.com");
                assertThat(b.originalMessageId()).contains("ask-HR-7.1@example.fi");
            });
        }

        @Test
        void finnishOutOfOffice() {
            InboundMail m = parse("autoreply-fi.eml");
            assertThat(m.kind()).isEqualTo(MailKind.AUTO_REPLY);
            assertThat(m.text()).startsWith("Olen lomalla 1.7.–31.7.");
            assertThat(m.bounce()).isEmpty();
        }

        @Test
        void englishOutOfOffice() {
            assertThat(parse("autoreply-en.eml").kind()).isEqualTo(MailKind.AUTO_REPLY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Auto-Submitted: auto-generated", "Auto-Submitted: auto-replied (vacation)",
                "X-Autoreply: yes", "X-Autorespond: 1", "X-Auto-Response-Suppress: OOF", "Precedence: auto_reply"})
        void autoReplyHeaders(String header) {
            assertThat(withHeader(header).kind()).isEqualTo(MailKind.AUTO_REPLY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"List-Id: <x.lists.example.com>", "List-Unsubscribe: <mailto:u@example.com>",
                "Precedence: bulk", "Precedence: junk", "Precedence: list"})
        void listHeaders(String header) {
            assertThat(withHeader(header).kind()).isEqualTo(MailKind.LIST);
        }

        @Test
        void autoSubmittedNoIsPersonal() {
            assertThat(withHeader("Auto-Submitted: no").kind()).isEqualTo(MailKind.PERSONAL);
        }

        @Test
        void listMail() {
            assertThat(parse("list.eml").kind()).isEqualTo(MailKind.LIST);
        }

        @Test
        void ownAddressOrTikettiHeaderIsOwnLoop() {
            MailParser parser = MailParser.builder().ownAddresses(List.of("Tuki@Example.FI")).build();
            byte[] own = "From: Tuki <tuki@example.fi>\nAuto-Submitted: auto-replied\n\nx".getBytes(StandardCharsets.US_ASCII);
            byte[] marked = "From: a@example.com\nX-Tiketti-Ticket: HR-1\n\nx".getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(own).kind()).isEqualTo(MailKind.OWN_LOOP);
            assertThat(parser.parse(marked).kind()).isEqualTo(MailKind.OWN_LOOP);
            assertThat(Mails.PARSER.parse(own).kind()).isEqualTo(MailKind.AUTO_REPLY);
        }

        @Test
        void mailerDaemonWithoutReportIsABounce() {
            InboundMail m = parse("From: MAILER-DAEMON\nX-Failed-Recipients: gone@EXAMPLE.com\nSubject: failure\n\nx"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(m.kind()).isEqualTo(MailKind.BOUNCE);
            assertThat(m.bounce()).hasValueSatisfying(b -> assertThat(b.failedRecipients()).containsExactly("gone@example.com"));
        }

        private InboundMail withHeader(String header) {
            return Mails.PARSER.parse(("From: a@example.com\n" + header + "\nSubject: s\n\nbody\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Nested
    @DisplayName("sanitises HTML")
    class Html {
        @Test
        void removesScriptsHandlersJavascriptFormsIframesAndRemoteImages() {
            InboundMail m = parse("hostile-html.eml");
            String html = m.html().orElseThrow();
            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("alert").doesNotContain("steal")
                    .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                    .doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("javascript:")
                    .doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("<input")
                    .doesNotContain("password").doesNotContainIgnoringCase("<iframe")
                    .doesNotContain("tracker.example.com").doesNotContainIgnoringCase("<img")
                    .doesNotContainIgnoringCase("<object").doesNotContainIgnoringCase("<embed")
                    .doesNotContain("style=").doesNotContain("Kirjaudu");
            assertThat(html).contains("<a href=\"https://example.com/ok\" rel=\"noopener noreferrer nofollow\">turvallinen</a>")
                    .contains("klikkaa").contains("<div>Loppu.</div>");
            assertThat(m.text()).isEqualTo("Hei, tässä linkki: klikkaa ja turvallinen <https://example.com/ok>.\n\nLoppu.");
        }

        @Test
        void cidImageWithoutAMatchingPartIsRemoved() {
            String raw = "Content-Type: text/html\n\n<p>a<img src=\"cid:missing@example.com\">b</p>";
            assertThat(parse(raw.getBytes(StandardCharsets.US_ASCII)).html()).contains("<p>ab</p>");
        }
    }

    @Nested
    @DisplayName("keeps line breaks out of headers")
    class HeaderInjection {
        @Test
        void crLfInEncodedWordsBecomeSpaces() {
            InboundMail m = parse("header-injection.eml");
            assertThat(m.subject()).isEqualTo("Hello  Bcc: all@example.com  X-Evil: 1").doesNotContain("\r", "\n");
            assertThat(m.from()).hasValueSatisfying(a -> {
                assertThat(a.address()).isEqualTo("eve@example.com");
                assertThat(a.name().orElseThrow()).isEqualTo("Eve  Bcc: victim@example.com".replace("  ", " "))
                        .doesNotContain("\r", "\n");
            });
            assertThat(m.headers()).allSatisfy(h -> assertThat(h.value()).doesNotContain("\r", "\n"));
        }

        @Test
        void attachmentFileNamesLoseDirectoriesAndControlCharacters() {
            String raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b\nContent-Type: application/pdf\n"
                    + "Content-Disposition: attachment; filename=\"=?utf-8?Q?..=2F..=2Fetc=2Fpass=0Awd.pdf?=\"\n\n%PDF\n--b\n"
                    + "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"..\"\n\n%PDF\n--b--\n";
            assertThat(parse(raw.getBytes(StandardCharsets.US_ASCII)).attachments()).extracting(MailAttachment::fileName)
                    .containsExactly("pass wd.pdf", "attachment-2.pdf");
        }
    }

    @Nested
    @DisplayName("reads broken mail best-effort")
    class Broken {
        @ParameterizedTest
        @ValueSource(strings = {"broken-no-end-boundary.eml", "broken-bad-base64.eml", "broken-no-headers.eml",
                "broken-only-headers.eml", "broken-nul-bytes.eml", "broken-bare-lf.eml", "broken-garbage-header.eml"})
        void neverThrows(String name) {
            assertThatCode(() -> parse(name)).doesNotThrowAnyException();
        }

        @Test
        void missingEndBoundaryKeepsTheParts() {
            InboundMail m = parse("broken-no-end-boundary.eml");
            assertThat(m.text()).isEqualTo("Ensimmäinen osa ilman loppurajaa.");
            assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.bytes()).containsExactly(0, 1, 2, 3, 4, 5));
        }

        @Test
        void badBase64KeepsWhatDecodes() {
            assertThat(parse("broken-bad-base64.eml").text()).startsWith("Hyvää päivää!");
        }

        @Test
        void noHeadersIsAllBody() {
            InboundMail m = parse("broken-no-headers.eml");
            assertThat(m.from()).isEmpty();
            assertThat(m.subject()).isEmpty();
            assertThat(m.text()).isEqualTo("Tämä viesti alkaa suoraan tekstillä ilman otsakkeita.\nToinen rivi.");
        }

        @Test
        void onlyHeadersHasAnEmptyBody() {
            InboundMail m = parse("broken-only-headers.eml");
            assertThat(m.subject()).isEqualTo("Pelkät otsakkeet");
            assertThat(m.text()).isEmpty();
            assertThat(m.quoted()).isEmpty();
        }

        @Test
        void nulBytesAreDropped() {
            InboundMail m = parse("broken-nul-bytes.eml");
            assertThat(m.subject()).isEqualTo("Nul bytes");
            assertThat(m.text()).isEqualTo("TextwithNULs");
        }

        @Test
        void bareLineFeeds() {
            InboundMail m = parse("broken-bare-lf.eml");
            assertThat(m.text()).isEqualTo("Rivinvaihdot ovat pelkkiä LF-merkkejä.\nToinen rivi.");
            assertThat(m.html()).contains("<p>Rivinvaihdot</p>");
        }

        @Test
        void mboxSeparatorUnreadableDateAndBareMessageId() {
            InboundMail m = parse("broken-garbage-header.eml");
            assertThat(m.from()).map(MailAddress::address).contains("matti@example.fi");
            assertThat(m.date()).isEmpty();
            assertThat(m.messageId()).contains("no-brackets@example.fi");
            assertThat(m.text()).isEqualTo("Sisältö.");
        }

        @Test
        void emptyInput() {
            InboundMail m = parse(new byte[0]);
            assertThat(m.text()).isEmpty();
            assertThat(m.rawSize()).isZero();
        }
    }

    @Nested
    @DisplayName("as an API")
    class Api {
        @Test
        void digestIsTheSha256OfTheRawBytesAndTheSizeIsKept() throws Exception {
            byte[] raw = Mails.raw("gmail-en-reply.eml");
            InboundMail m = Mails.PARSER.parse(raw);
            assertThat(m.digest()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)));
            assertThat(m.rawSize()).isEqualTo(raw.length);
        }

        @Test
        void parsesFromAStreamLikeFromBytes() {
            byte[] raw = Mails.raw("thunderbird-mixed.eml");
            assertThat(Mails.PARSER.parse(new ByteArrayInputStream(raw))).isEqualTo(Mails.PARSER.parse(raw));
        }

        @Test
        void aFailingStreamIsReportedAsRetryable() {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk gone");
                }
            };
            assertThatThrownBy(() -> Mails.PARSER.parse(broken)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("[TKT-1001]").hasMessageContaining("IOException")
                    .satisfies(e -> assertThat(((TicketingException) e).retryable()).isTrue());
        }

        @Test
        void builderOptionsAreCheckedWhenSet() {
            assertThatThrownBy(() -> MailParser.builder().limits(MailLimits.defaults()).limits(MailLimits.defaults()))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("limits(...) was called twice");
            assertThatThrownBy(() -> MailParser.builder().ownAddresses(List.of("tuki@example.fi", "not an address")))
                    .isInstanceOf(TicketingException.class)
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.INVALID_MAIL_OPTION))
                    .hasMessageContaining("Own address number 2").hasMessageNotContaining("not an address");
        }

        @Test
        void limitsAreValidatedWithTheBudgetAndRangeNamed() {
            assertThatThrownBy(() -> MailLimits.defaults().withMaxDepth(0)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("[TKT-1002]").hasMessageContaining("maxDepth is 0, outside its range 1 to 1000");
            assertThatThrownBy(() -> MailLimits.defaults().withMaxProcessingTime(java.time.Duration.ZERO))
                    .hasMessageContaining("maxProcessingTime is PT0S");
            assertThatThrownBy(() -> MailLimits.defaults().withMaxRawBytes(-1)).hasMessageContaining("maxRawBytes is -1");
            assertThat(MailLimits.defaults().withMaxParts(5).maxParts()).isEqualTo(5);
            assertThat(MailLimits.defaults()).isEqualTo(new MailLimits(10L * 1024 * 1024, 100, 10_000, 1_000, 65_536,
                    1_048_576, 5_242_880, 10_000, java.time.Duration.ofSeconds(10)));
        }

        @Test
        void headersAreKeptInOrderAndLookedUpCaseInsensitively() {
            InboundMail m = parse("dsn-full.eml");
            assertThat(m.header("AUTO-SUBMITTED")).contains("auto-replied");
            assertThat(m.headers("x-missing")).isEmpty();
            assertThat(m.headers().get(0).name()).isEqualTo("From");
        }
    }

    static InboundMail parse(String testMail) {
        return Mails.parse(testMail);
    }

    static InboundMail parse(byte[] raw) {
        return Mails.PARSER.parse(raw);
    }

    static byte[] bytes(String head, byte[] tail) {
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + tail.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(tail, 0, out, h.length, tail.length);
        return out;
    }
}
