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

/** Keeps the README's embedding snippet equal to the code the example really runs (STYLE 21). */
class ReadmeSnippetTest {

    @Test
    void readmeEmbeddingSnippetIsTheExampleCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        String readme = Files.readString(root.resolve("README.md"));
        String source = Files.readString(Path.of("src/main/java/dev/tiketti/examples/hr/HrHelpdesk.java"));

        Matcher inReadme = Pattern.compile("<!-- snippet:embed[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        Matcher inSource = Pattern.compile("// tag::embed\\[]\\n(.*?)\\s*// end::embed\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(inReadme.find()).as("README.md has the embed snippet").isTrue();
        assertThat(inSource.find()).as("HrHelpdesk.java has the tagged region").isTrue();
        assertThat(dedent(inReadme.group(1))).isEqualTo(dedent(inSource.group(1)));
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
