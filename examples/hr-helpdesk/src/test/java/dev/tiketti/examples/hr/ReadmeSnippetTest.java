package dev.tiketti.examples.hr;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Keeps the README's embedding snippet equal to the code the example really runs (STYLE 21). */
class ReadmeSnippetTest {

    @Test
    void readmeEmbeddingSnippetIsTheExampleCode() throws IOException {
        DocSnippet.assertEqualsTaggedRegion("README.md", "embed", "HrHelpdesk.java");
    }
}
