package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code has its anchor in docs/reference/errors.md (STYLE 11) with a section that says
 * whether to retry, is reported somewhere in the repository's main code, and ids are stable in form.
 */
class ErrorCatalogueDocumentedTest {
    static final Path REPOSITORY = Path.of("..");
    static final String ERRORS_MD = "docs/reference/errors.md";

    /** The codes errors.md does not document by id, anchor and name, or whose section gives no or the wrong "Retry:". */
    static List<String> undocumented(List<ErrorCode> codes, String doc) {
        List<String> offenders = new ArrayList<>();
        for (ErrorCode code : codes) {
            Matcher section = Pattern.compile("(?ms)^## " + Pattern.quote(code.id()) + "$(.*?)(?=^## |\\z)").matcher(doc);
            if (!section.find()) {
                offenders.add(code.id() + " " + code + ": no section '## " + code.id() + "'");
                continue;
            }
            String text = section.group(1);
            if (!text.contains("<a id=\"" + code.id().toLowerCase(Locale.ROOT) + "\"></a>**" + code.name() + "**")) {
                offenders.add(code.id() + " " + code + ": no anchor with the code's name");
            }
            String expected = code.retryable() ? "Retry: yes" : "Retry: no";
            String wrong = code.retryable() ? "Retry: no" : "Retry: yes";
            if (!text.contains(expected) || text.contains(wrong)) {
                offenders.add(code.id() + " " + code + ": the section must say '" + expected + "'");
            }
        }
        return offenders;
    }

    /** The codes that no main source file names as {@code ErrorCode.NAME} (ErrorCode.java itself does not count). */
    static List<String> unused(List<ErrorCode> codes, List<String> mainSources) {
        List<String> offenders = new ArrayList<>();
        for (ErrorCode code : codes) {
            Pattern use = Pattern.compile("\\bErrorCode\\s*\\.\\s*" + code.name() + "\\b");
            if (mainSources.stream().noneMatch(s -> use.matcher(s).find())) {
                offenders.add(code.id() + " " + code);
            }
        }
        return offenders;
    }

    /** Every main source of every module (core, jpa, testkit, examples, benchmarks), comments removed. */
    static List<String> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.getFileName().toString().equals("ErrorCode.java"))
                    .sorted().map(SourceScan::read).map(SourceScan::withoutComments).toList();
        }
    }

    @Test
    void everyCodeIsDocumentedWithItsAnchorNameAndRetry() throws IOException {
        String doc = Files.readString(REPOSITORY.resolve(ERRORS_MD));
        assertThat(undocumented(List.of(ErrorCode.values()), doc)).as("codes " + ERRORS_MD + " does not document")
                .isEmpty();
    }

    @Test
    void everyCodeIsReportedByMainCode() throws IOException {
        List<String> sources = mainSources();
        assertThat(sources).as("main sources found under " + REPOSITORY.toAbsolutePath().normalize()).hasSizeGreaterThan(200);
        assertThat(unused(List.of(ErrorCode.values()), sources)).as("codes no main code reports: remove them or use them")
                .isEmpty();
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::id)).doesNotHaveDuplicates()
                .allMatch(id -> Pattern.matches("TKT-\\d{4}", id));
    }
}
