package dev.tiketti.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.benchmarks.mail.MailContender;
import dev.tiketti.benchmarks.mail.MailCorpus;
import dev.tiketti.benchmarks.mail.MailParseBenchmark;
import dev.tiketti.benchmarks.mail.ParsedMail;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** CI's pass over {@link MailParseBenchmark}: the three contenders read the same fields from a corpus sample, and JMH runs each. No timing. */
class MailParseSmokeTest {

    @Test
    void everyContenderReadsTheSameFromSubjectAndText() {
        List<byte[]> sample = MailCorpus.generate(300, MailParseBenchmark.SEED);
        MailContender tiketti = MailContender.named("tiketti");
        MailContender mime4j = MailContender.named("mime4j-dom");
        MailContender angus = MailContender.named("angus-mimemessage");
        for (int i = 0; i < sample.size(); i++) {
            byte[] raw = sample.get(i);
            ParsedMail ours = tiketti.parse(raw).normalised();
            assertThat(ours.from()).endsWith("@example.fi");
            assertThat(ours.subject()).startsWith("Tilaus " + i + " – ");
            assertThat(ours.text()).isNotBlank();
            assertThat(mime4j.parse(raw).normalised()).as("mime4j, mail %d", i).isEqualTo(ours);
            assertThat(angus.parse(raw).normalised()).as("angus, mail %d", i).isEqualTo(ours);
        }
    }

    @Test
    void theCorpusHasTheAdvertisedMix() {
        List<byte[]> corpus = MailCorpus.generate(2_000, MailParseBenchmark.SEED);
        long html = corpus.stream().filter(m -> contains(m, "text/html")).count();
        long attachments = corpus.stream().filter(m -> contains(m, "application/pdf")).count();
        assertThat(corpus).hasSize(2_000);
        assertThat(html).isBetween(160L, 240L);
        assertThat(attachments).isBetween(70L, 130L);
        assertThat(MailCorpus.generate(50, 1L)).usingElementComparator(java.util.Arrays::compare)
                .isEqualTo(MailCorpus.generate(50, 1L));
    }

    @Test
    void jmhRunsEveryContenderBriefly() throws Exception {
        Options options = new OptionsBuilder()
                .include(MailParseBenchmark.class.getName())
                .param("mails", "300")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).extracting(r -> r.getParams().getParam("contender"))
                .containsExactlyInAnyOrder("tiketti", "mime4j-dom", "angus-mimemessage");
    }

    private static boolean contains(byte[] mail, String text) {
        return new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    }
}
