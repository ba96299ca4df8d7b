package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message rules are not vacuous: on planted violations (two test classes, a planted source
 * text, a planted errors.md) each reports what it should, and leaves alone what it should.
 */
class MessageRulesCanFailTest {
    private final JavaClasses planted = new ClassFileImporter().importClasses(PlantedInlineThrow.class,
            PlantedMessages.class, TicketingException.class, ConcurrentUpdateException.class);

    @Test
    void anInlineThrowSiteAndAConstructorReferenceAreReported() {
        EvaluationResult result = ArchitectureTest.onlyCataloguesConstructTicketingExceptions.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(PlantedInlineThrow.class.getName() + ".check(int)",
                        TicketingException.class.getName()))
                .anySatisfy(d -> assertThat(d).contains(PlantedInlineThrow.class.getName() + ".conflicts()",
                        ConcurrentUpdateException.class.getName()))
                .noneSatisfy(d -> assertThat(d).contains(PlantedMessages.class.getName()));
    }

    @Test
    void aPublicMessageCatalogueIsReported() {
        EvaluationResult result = ArchitectureTest.messageCataloguesArePackagePrivate.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(PlantedMessages.class.getName());
    }

    @Test
    void theSourceScanReportsMessageTextOutsideCatalogues() {
        String source = String.join("\n",
                "class Planted {",
                "  void a(int limit) {",
                "    throw new TicketingException(ErrorCode.INVALID_QUERY, \"limit \" + limit);",
                "  }",
                "  void b(String id) {",
                "    throw new dev.tiketti.core.common.NotFoundException(ErrorCode.TICKET_NOT_FOUND,",
                "        \"No ticket \" + id);",
                "  }",
                "  void c(boolean ok) {",
                "    Require.argument(ok, () -> TicketMessages.queryLimitBelowOne(\"0\"));",
                "    Require.argument(ok,",
                "        \"inline (with parentheses) text\");",
                "  }",
                "  void d(List<String> problems, List<FieldViolation> violations, String f) {",
                "    problems.add(\"field '\" + f + \"' is declared twice\");",
                "    violations.add(new FieldViolation(f, \"is required\", Optional.empty()));",
                "  }",
                "}");
        List<String> found = MessagesLiveInCataloguesTest.violations(Path.of("Planted.java"), source);
        assertThat(found).hasSize(8);
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:15 problems.add(")
                .contains("reports a problem worded here"));
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:16 violations.add(")
                .contains("reports a problem worded here"));
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:16 new FieldViolation(")
                .contains("words a field violation here"));
        assertThat(found.get(0)).startsWith("Planted.java:3 constructs TicketingException");
        assertThat(found.get(1)).startsWith("Planted.java:6 constructs NotFoundException");
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:11 Require.argument(")
                .contains("passes message text:"));
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:10 TicketMessages.queryLimitBelowOne(")
                .contains("passes message text to a catalogue"));
        assertThat(found).anySatisfy(v -> assertThat(v).startsWith("Planted.java:10 Require.argument("));
    }

    @Test
    void theSourceScanLeavesConformingCodeAlone() {
        String source = String.join("\n",
                "class Fine {",
                "  // throw new TicketingException(ErrorCode.INVALID_QUERY, \"in a comment\");",
                "  /* Require.argument(ok, \"in a block comment\"); */",
                "  void a(String scheme, int limit) {",
                "    Require.argument(\"https\".equals(scheme), () -> ConfigProblems.privacyNoticeUrlNotHttp(scheme));",
                "    Require.argument(limit >= 1, () -> TicketMessages.queryLimitBelowOne(limit));",
                "    Require.nonNull(scheme, \"scheme\");",
                "    String s = \"new FakeException(\\\"x\\\")\" + ')';",
                "    problems.add(TicketProblems.fieldRequired());",
                "    violations.add(new FieldViolation(\"f\".strip(), TicketProblems.fieldRequired(), Optional.empty()));",
                "    throw new IllegalStateException(\"every Java platform has SHA-256\");",
                "  }",
                "}");
        assertThat(MessagesLiveInCataloguesTest.violations(Path.of("Fine.java"), source)).isEmpty();
        assertThat(MessagesLiveInCataloguesTest.violations(Path.of("x/TicketMessages.java"),
                "class TicketMessages { X x() { return new TicketingException(C, \"text\"); } }")).isEmpty();
    }

    @Test
    void aCodeWithoutSectionAnchorOrRetryIsReported() {
        List<ErrorCode> codes = List.of(ErrorCode.INVALID_QUERY, ErrorCode.CONCURRENT_UPDATE);
        String complete = "## TKT-0008\n<a id=\"tkt-0008\"></a>**INVALID_QUERY** — bad query.\nRetry: no.\n\n"
                + "## TKT-0201\n<a id=\"tkt-0201\"></a>**CONCURRENT_UPDATE** — reload.\nRetry: yes.\n";
        assertThat(ErrorCatalogueDocumentedTest.undocumented(codes, complete)).isEmpty();
        assertThat(ErrorCatalogueDocumentedTest.undocumented(codes, complete.replace("## TKT-0008", "## TKT-0009")))
                .singleElement().asString().contains("TKT-0008", "no section");
        assertThat(ErrorCatalogueDocumentedTest.undocumented(codes, complete.replace("**INVALID_QUERY**", "**QUERY**")))
                .singleElement().asString().contains("TKT-0008", "no anchor");
        assertThat(ErrorCatalogueDocumentedTest.undocumented(codes, complete.replace("Retry: yes", "Retry: no")))
                .singleElement().asString().contains("TKT-0201", "Retry: yes");
        assertThat(ErrorCatalogueDocumentedTest.undocumented(codes, complete.replace("Retry: no.\n", "")))
                .singleElement().asString().contains("TKT-0008", "Retry: no");
    }

    @Test
    void aCodeNoMainCodeReportsIsReported() {
        List<ErrorCode> codes = List.of(ErrorCode.INVALID_QUERY, ErrorCode.INVALID_URL);
        List<String> sources = List.of(
                SourceScan.withoutComments("class A { Object x = ErrorCode.INVALID_QUERY; }"),
                SourceScan.withoutComments("class B { // ErrorCode.INVALID_URL, only in a comment\n }"),
                SourceScan.withoutComments("class C { Object y = ErrorCode.INVALID_URL_TOO; }"));
        assertThat(ErrorCatalogueDocumentedTest.unused(codes, sources)).containsExactly("TKT-0007 INVALID_URL");
    }
}
