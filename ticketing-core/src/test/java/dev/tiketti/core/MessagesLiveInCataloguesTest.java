package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message of core's main code is a method of a catalogue (STYLE 11, 12; issue #11): outside
 * the catalogue classes ({@code *Messages}, {@code *Problems}) no exception is constructed with
 * text, no message text is handed to {@code Require.argument}, no catalogue method is handed
 * message text, and no text is added to the lists of problems, refusal reasons or field
 * violations that exceptions report. Bytecode does not show string literals, so this reads the sources;
 * {@link ArchitectureTest#onlyCataloguesConstructTicketingExceptions} checks the bytecode side.
 */
class MessagesLiveInCataloguesTest {
    static final Path MAIN = Path.of("src/main/java");

    /** {@code new XxxException(} or {@code new XxxError(}, qualified or not. */
    static final Pattern CONSTRUCTION = Pattern.compile("\\bnew\\s+(?:[a-z]\\w*\\.)*(\\w*(?:Exception|Error))\\s*\\(");
    /** A broken invariant of Tiketti itself ("every Java platform has SHA-256"), never a caller's fault. */
    static final String BUG_ONLY = "IllegalStateException";
    static final Pattern REQUIRE_ARGUMENT = Pattern.compile("\\bRequire\\s*\\.\\s*argument");
    static final Pattern CATALOGUE_CALL = Pattern.compile("\\b\\w+(?:Messages|Problems)\\s*\\.\\s*\\w+");
    /** The lists a ConfigurationException, TransitionRejectedException or ValidationException reports. */
    static final Pattern REPORTED_LIST_ADD = Pattern.compile(
            "\\b(?:problems|reasons|invalid|unknown|violations|broken|failed)\\s*\\.\\s*add(?:All)?");
    static final Pattern FIELD_VIOLATION = Pattern.compile("\\bnew\\s+FieldViolation");

    /** What is wrong in one source file, one line per violation; empty for a catalogue. */
    static List<String> violations(Path file, String source) {
        List<String> found = new ArrayList<>();
        if (SourceScan.isCatalogue(file)) {
            return found;
        }
        String code = SourceScan.withoutComments(source);
        Matcher m = CONSTRUCTION.matcher(SourceScan.withoutLiteralContents(code));
        while (m.find()) {
            if (!m.group(1).equals(BUG_ONLY)) {
                found.add(file + ":" + line(code, m.start()) + " constructs " + m.group(1)
                        + ": throw what a catalogue method returns instead");
            }
        }
        for (SourceScan.Call call : SourceScan.calls(file.toString(), code, REQUIRE_ARGUMENT)) {
            if (call.arguments().size() > 1 && SourceScan.hasStringLiteral(call.arguments().get(1))) {
                found.add(call + " passes message text: pass () -> SomeMessages.problem(value)");
            }
        }
        for (SourceScan.Call call : SourceScan.calls(file.toString(), code, CATALOGUE_CALL)) {
            if (call.arguments().stream().anyMatch(SourceScan::hasStringLiteral)) {
                found.add(call + " passes message text to a catalogue: give the catalogue a method for it");
            }
        }
        for (SourceScan.Call call : SourceScan.calls(file.toString(), code, REPORTED_LIST_ADD)) {
            // text inside a catalogue call's arguments is the catalogue rule's to report
            if (call.arguments().stream().anyMatch(a -> SourceScan.hasStringLiteral(a) && !CATALOGUE_CALL.matcher(a).find())) {
                found.add(call + " reports a problem worded here: add it as a String method of the catalogue");
            }
        }
        for (SourceScan.Call call : SourceScan.calls(file.toString(), code, FIELD_VIOLATION)) {
            if (call.arguments().size() > 1 && SourceScan.hasStringLiteral(call.arguments().get(1))) {
                found.add(call + " words a field violation here: add it as a String method of the catalogue");
            }
        }
        return found;
    }

    static int line(String code, int index) {
        return (int) code.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void noMessageTextOutsideTheCatalogues() {
        List<String> found = new ArrayList<>();
        for (Path file : SourceScan.javaFiles(MAIN)) {
            found.addAll(violations(file, SourceScan.read(file)));
        }
        assertThat(found).as("message text outside the catalogues of core's main code").isEmpty();
    }

    @Test
    void theScanSeesTheCataloguesAndTheirCallers() {
        List<Path> files = SourceScan.javaFiles(MAIN);
        assertThat(files).filteredOn(SourceScan::isCatalogue).extracting(p -> p.getFileName().toString())
                .contains("CommonMessages.java", "TicketMessages.java", "WorkflowMessages.java", "SlaMessages.java",
                        "PrivacyMessages.java", "TimerMessages.java", "StoreProblems.java", "TicketProblems.java",
                        "PrivacyProblems.java", "ConfigProblems.java");
        long calls = files.stream().filter(f -> !SourceScan.isCatalogue(f))
                .mapToLong(f -> SourceScan.calls(f.toString(), SourceScan.withoutComments(SourceScan.read(f)),
                        CATALOGUE_CALL).size()).sum();
        assertThat(calls).as("catalogue calls found by the scan").isGreaterThan(100);
    }
}
