package dev.tiketti.benchmarks.mail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * M1: raw mails to from/subject/text, Tiketti's {@code MailParser} side by side with bare mime4j DOM and
 * bare Angus {@code MimeMessage} in the same run, over a generated corpus of {@value #MAILS} mails
 * ({@link MailCorpus}). Each operation parses one mail, taking the mails in turn; the score is mails per
 * second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class MailParseBenchmark {
    public static final int MAILS = 10_000;
    public static final long SEED = 20_261_208L;

    @Param({"tiketti", "mime4j-dom", "angus-mimemessage"})
    public String contender;

    /** The corpus size; the smoke test runs a small one. */
    @Param({"" + MAILS})
    public int mails;

    List<byte[]> corpus;
    MailContender parser;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = MailCorpus.generate(mails, SEED);
        parser = MailContender.named(contender);
    }

    /** Which mail a benchmark thread parses next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public ParsedMail parse(Cursor cursor) {
        int i = cursor.next;
        cursor.next = i + 1 == corpus.size() ? 0 : i + 1;
        return parser.parse(corpus.get(i));
    }
}
