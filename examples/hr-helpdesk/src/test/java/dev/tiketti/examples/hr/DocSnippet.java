package dev.tiketti.examples.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks that a documented snippet ({@code <!-- snippet:NAME -->}) equals the example's tagged region. */
final class DocSnippet {
    private DocSnippet() {
    }

    /**
     * Asserts that snippet {@code name} of {@code doc} (relative to the repository root) equals the
     * region between {@code // tag::name[]} and {@code // end::name[]} of the example's {@code source}.
     */
    static void assertEqualsTaggedRegion(String doc, String name, String source) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        String text = Files.readString(root.resolve(doc));
        String code = Files.readString(Path.of("src/main/java/dev/tiketti/examples/hr").resolve(source));

        Matcher inDoc = Pattern.compile("<!-- snippet:" + name + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(text);
        Matcher inSource = Pattern.compile("// tag::" + name + "\\[]\\n(.*?)\\s*// end::" + name + "\\[]",
                Pattern.DOTALL).matcher(code);
        assertThat(inDoc.find()).as("%s has the %s snippet", doc, name).isTrue();
        assertThat(inSource.find()).as("%s has the tagged region", source).isTrue();
        assertThat(dedent(inDoc.group(1))).isEqualTo(dedent(inSource.group(1)));
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
