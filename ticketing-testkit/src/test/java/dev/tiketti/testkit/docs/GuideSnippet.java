package dev.tiketti.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Keeps a guide's code snippets equal to the tagged regions of the tests that run them. */
final class GuideSnippet {
    private GuideSnippet() {
    }

    /**
     * Asserts that the snippet {@code <!-- marker ... -->} of {@code guide} (a path from the module)
     * equals the region {@code // tag::tag[]} … {@code // end::tag[]} of the test source {@code source}.
     */
    static void assertShown(String guide, String marker, String tag, String source) throws IOException {
        Matcher inGuide = Pattern.compile("<!-- " + Pattern.quote(marker) + "[^>]*-->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(Path.of(guide)));
        Matcher inSource = Pattern.compile("// tag::" + Pattern.quote(tag) + "\\[]\\n(.*?)\\s*// end::"
                + Pattern.quote(tag) + "\\[]", Pattern.DOTALL).matcher(Files.readString(Path.of(source)));
        assertThat(inGuide.find()).as(guide + " shows the snippet " + marker).isTrue();
        assertThat(inSource.find()).as(source + " has the region " + tag).isTrue();
        assertThat(dedent(inGuide.group(1))).isEqualTo(dedent(inSource.group(1)));
    }

    /** The block without the indentation its lines share. */
    static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
