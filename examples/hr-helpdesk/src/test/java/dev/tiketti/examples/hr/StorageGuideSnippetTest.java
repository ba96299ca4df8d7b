package dev.tiketti.examples.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the connection pool snippet of docs/storage.md equal to the pool the example really runs (STYLE 21). */
class StorageGuideSnippetTest {

    @Test
    void storageGuidePoolSnippetIsTheExampleCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        String guide = Files.readString(root.resolve("docs/storage.md"));
        String source = Files.readString(Path.of("src/main/java/dev/tiketti/examples/hr/HrDatabase.java"));

        Matcher inGuide = Pattern.compile("<!-- snippet:pool[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        Matcher inSource = Pattern.compile("// tag::pool\\[]\\n(.*?)\\s*// end::pool\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(inGuide.find()).as("docs/storage.md has the pool snippet").isTrue();
        assertThat(inSource.find()).as("HrDatabase.java has the tagged region").isTrue();
        assertThat(dedent(inGuide.group(1))).isEqualTo(dedent(inSource.group(1)));
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
