package dev.tiketti.examples.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the snippets of docs/storage.md equal to the code the example really runs (STYLE 21). */
class StorageGuideSnippetTest {

    @Test
    void storageGuideWiringSnippetIsTheExampleCode() throws IOException {
        assertSnippet("custom-wiring", "src/main/java/dev/tiketti/examples/adapter/CustomAdapterExample.java", "wiring");
    }

    @Test
    void storageGuideProofSnippetIsTheExampleContractTest() throws IOException {
        assertSnippet("custom-proof", "src/test/java/dev/tiketti/examples/adapter/JdbcStorageContractTest.java", "proof");
    }

    /** The guide's block after {@code <!-- snippet:name ... -->} equals the region {@code tag} of {@code source}. */
    private static void assertSnippet(String name, String source, String tag) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        String guide = Files.readString(root.resolve("docs/storage.md"));
        String code = Files.readString(Path.of(source));

        Matcher inGuide = Pattern.compile("<!-- snippet:" + name + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        Matcher inSource = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
                .matcher(code);
        assertThat(inGuide.find()).as("docs/storage.md has the %s snippet", name).isTrue();
        assertThat(inSource.find()).as("%s has the tagged region %s", source, tag).isTrue();
        assertThat(dedent(inGuide.group(1))).as("snippet %s", name).isEqualTo(dedent(inSource.group(1)));
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
