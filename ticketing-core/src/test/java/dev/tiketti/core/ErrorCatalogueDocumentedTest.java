package dev.tiketti.core;

import dev.tiketti.core.common.ErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every error code has its anchor in docs/reference/errors.md (STYLE 11), and ids are stable in form. */
class ErrorCatalogueDocumentedTest {

    @Test
    void everyCodeIsDocumentedWithItsAnchorAndName() throws IOException {
        String doc = Files.readString(Path.of("../docs/reference/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).as("errors.md documents %s", code)
                    .contains("## " + code.id())
                    .contains("<a id=\"" + code.id().toLowerCase() + "\"></a>**" + code.name() + "**");
        }
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::id)).doesNotHaveDuplicates()
                .allMatch(id -> Pattern.matches("TKT-\\d{4}", id));
    }
}
