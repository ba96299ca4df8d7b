package dev.tiketti.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report step of the lifecycle benchmark: reads JMH's JSON result and writes the figures, the
 * ratios against the goals (≥ 3× the best BPMN engine, ≥ 0.5× plain JDBC, per database) and
 * the machine facts into {@code docs/performance.md}, between the markers
 * {@value #START} and {@value #END}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tiketti.benchmarks.LifecycleReport /tmp/lifecycle.json docs/performance.md
 * </pre>
 */
public final class LifecycleReport {
    static final String START = "<!-- lifecycle-report:start -->";
    static final String END = "<!-- lifecycle-report:end -->";
    private static final List<String> IMPLS = List.of("tiketti", "tikettiOutbox", "plainJdbc", "flowable", "camunda");
    private static final List<String> DBS = List.of("h2file", "postgresql");

    private LifecycleReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LifecycleReport <jmh result json> <performance.md>");
            System.exit(2);
        }
        Path page = Path.of(args[1]);
        String report = report(Files.readString(Path.of(args[0])), machine(), Instant.now());
        Files.writeString(page, insert(Files.readString(page), report));
        System.out.print(report);
    }

    /** The machine the figures come from, as the report prints it. */
    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version") + ", load average "
                + String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage()) + " when the report was written";
    }

    /** The report in Markdown: scores, transitions/s and the two ratios per database. */
    static String report(String jmhJson, String machine, Instant at) throws IOException {
        Map<String, Map<String, Double>> ops = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(jmhJson)) {
            if (!run.path("benchmark").asText().endsWith("LifecycleBenchmark.lifecycle")) {
                continue;
            }
            ops.computeIfAbsent(run.path("params").path("db").asText(), d -> new LinkedHashMap<>())
                    .put(run.path("params").path("impl").asText(), run.path("primaryMetric").path("score").asDouble());
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the JMH result holds no LifecycleBenchmark run: run "
                    + "java -jar benchmarks/target/benchmarks.jar LifecycleBenchmark -rf json -rff <file> first");
        }
        StringBuilder md = new StringBuilder();
        md.append("Written by `LifecycleReport` on ").append(at.truncatedTo(ChronoUnit.SECONDS))
                .append(" from one JMH run; machine: ").append(machine).append(".\n\n");
        md.append("| db | ").append(String.join(" | ", IMPLS.stream().map(i -> "`" + i + "`").toList()))
                .append(" | ÷ best BPMN (goal ≥ 3×) | ÷ plain JDBC (goal ≥ 0.5×) |\n");
        md.append("|---|").append("---:|".repeat(IMPLS.size() + 2)).append('\n');
        for (String db : DBS) {
            Map<String, Double> byImpl = ops.get(db);
            if (byImpl == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String impl : IMPLS) {
                Double score = byImpl.get(impl);
                cells.add(score == null ? "–" : number(4 * score));
            }
            Double tiketti = byImpl.get("tiketti");
            Double jdbc = byImpl.get("plainJdbc");
            double bpmn = Math.max(byImpl.getOrDefault("flowable", 0.0), byImpl.getOrDefault("camunda", 0.0));
            md.append("| ").append(db).append(" (transitions/s) | ").append(String.join(" | ", cells)).append(" | ")
                    .append(ratio(tiketti, bpmn > 0 ? bpmn : null, 3.0)).append(" | ")
                    .append(ratio(tiketti, jdbc, 0.5)).append(" |\n");
        }
        return md.toString();
    }

    /** {@code page} with the text between the markers replaced (the markers are added at the end if absent). */
    static String insert(String page, String report) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            return page + "\n" + START + "\n" + report + END + "\n";
        }
        return page.substring(0, start + START.length()) + "\n" + report + page.substring(end);
    }

    private static String ratio(Double tiketti, Double other, double goal) {
        if (tiketti == null || other == null || other == 0) {
            return "–";
        }
        double r = tiketti / other;
        return String.format(Locale.ROOT, "**%.2f×** %s", r, r >= goal ? "✔" : "✘");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
    }
}
