package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The analysis of {@link TextAnalysis} measured on the invented test set (205 tickets, 70
 * queries): precision and recall per query and overall, printed as a table, with floors a little
 * below what it reaches today, so that a regression in any chain fails here.
 */
class AnalysisQualityTest {
    static TestSet set;
    static TestSet.Summary run;

    @BeforeAll
    static void runTheSet() {
        set = TestSet.load();
        run = set.run("default " + AnalysisSettings.DEFAULT.label(), new Analysis(AnalysisSettings.DEFAULT));
        System.out.println(run.table());
    }

    @Test
    @DisplayName("the test set has 200+ tickets, about 80/10/10 % fi/sv/en, and 40+ judged queries")
    void theTestSetIsLargeAndMostlyFinnish() {
        assertThat(set.tickets).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Long> byLanguage = set.tickets.stream()
                .collect(Collectors.groupingBy(TestSet.Ticket::language, Collectors.counting()));
        assertThat(byLanguage.get("fi")).isBetween(150L, 175L);
        assertThat(byLanguage.get("sv")).isBetween(18L, 30L);
        assertThat(byLanguage.get("en")).isBetween(18L, 30L);
        assertThat(set.queries).hasSizeGreaterThanOrEqualTo(40);
        Set<String> ids = set.tickets.stream().map(TestSet.Ticket::id).collect(Collectors.toSet());
        assertThat(ids).hasSameSizeAs(set.tickets);
        for (TestSet.Judged q : set.queries) {
            assertThat(q.relevant()).as("relevant tickets of %s", q.query()).isNotEmpty();
            assertThat(q.must()).as("must of %s", q.query()).isSubsetOf(ids).isSubsetOf(q.relevant());
            assertThat(q.not()).as("not of %s", q.query()).isSubsetOf(ids).doesNotContainAnyElementsOf(q.relevant());
            assertThat(q.known()).as("known of %s", q.query()).isSubsetOf(ids).doesNotContainAnyElementsOf(q.relevant());
        }
    }

    @Test
    @DisplayName("overall: micro recall and precision at least 0.97, macro at least 0.96")
    void overallFiguresStayAboveTheFloor() {
        assertThat(run.microRecall()).as("micro recall").isGreaterThanOrEqualTo(0.97);
        assertThat(run.microPrecision()).as("micro precision").isGreaterThanOrEqualTo(0.97);
        assertThat(run.macroRecall()).as("macro recall").isGreaterThanOrEqualTo(0.96);
        assertThat(run.macroPrecision()).as("macro precision").isGreaterThanOrEqualTo(0.96);
        assertThat(run.meanAveragePrecision()).as("mean average precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @DisplayName("inflections, compounds, gradation, Swedish and English: recall at least 0.98 each")
    void eachKindOfQueryFindsItsTickets() {
        SoftAssertions soft = new SoftAssertions();
        for (String category : Set.of("inflections", "compounds", "gradation", "Swedish", "English", "syntax", "prefixes")) {
            TestSet.Summary part = run.only(category);
            soft.assertThat(part.outcomes()).as(category).isNotEmpty();
            soft.assertThat(part.microRecall()).as("recall of %s", category).isGreaterThanOrEqualTo(0.98);
        }
        // typos and words outside the compound list are harder: lower, but still a floor
        soft.assertThat(run.only("typos, no ä/ö").microRecall()).as("recall of typos").isGreaterThanOrEqualTo(0.9);
        soft.assertThat(run.only("held-out compounds").microRecall()).as("recall of held-out compounds")
                .isGreaterThanOrEqualTo(0.7);
        soft.assertAll();
    }

    @Test
    @DisplayName("every 'must' ticket of every query is found")
    void everyMustFindPairIsFound() {
        SoftAssertions soft = new SoftAssertions();
        for (TestSet.Outcome o : run.outcomes()) {
            soft.assertThat(o.missedMust()).as("must-find tickets missed by %s", o.query().query()).isEmpty();
        }
        soft.assertAll();
    }

    @Test
    @DisplayName("no 'not' ticket is found: loma/lomake/lomautus, tukki/tukipyyntö, katu/katto, lön/lönsam ...")
    void noMustNotPairIsFound() {
        long pairs = run.outcomes().stream().mapToLong(o -> o.query().not().size()).sum();
        assertThat(pairs).as("must-not pairs in the set").isGreaterThanOrEqualTo(20);
        SoftAssertions soft = new SoftAssertions();
        for (TestSet.Outcome o : run.outcomes()) {
            soft.assertThat(o.foundNot()).as("must-not tickets found by %s", o.query().query()).isEmpty();
        }
        soft.assertAll();
    }

    @Test
    @DisplayName("with each ticket's language given instead of detected, the figures are as good")
    void givenLanguagesDoAsWell() {
        TestSet.Summary given = set.run("languages given", new Analysis(AnalysisSettings.DEFAULT), true);
        System.out.println(TestSet.Summary.header() + "\n" + run.row() + "\n" + given.row());
        assertThat(given.microRecall()).isGreaterThanOrEqualTo(0.97);
        assertThat(given.microPrecision()).isGreaterThanOrEqualTo(0.97);
        assertThat(given.missedMust() + given.foundNot()).isZero();
    }

    @Test
    @DisplayName("inflected forms of one word find the same relevant tickets (vuosiloma, vuosiloman, vuosilomaa ...)")
    void inflectedQueriesAgree() {
        // the relevant tickets found: typo matching may add different neighbours (lähtö ~ lähti)
        Map<String, Set<String>> found = run.outcomes().stream()
                .collect(Collectors.toMap(o -> o.query().query(), TestSet.Outcome::hits, (a, b) -> a));
        Function<String, Set<String>> sorted = q -> new java.util.TreeSet<>(found.get(q));
        assertThat(sorted.apply("vuosiloman")).isEqualTo(sorted.apply("vuosiloma"))
                .isEqualTo(sorted.apply("vuosilomaa")).isEqualTo(sorted.apply("vuosilomalla"));
        assertThat(sorted.apply("lähdön")).isEqualTo(sorted.apply("lähtö"));
        assertThat(sorted.apply("kadun")).isEqualTo(sorted.apply("katu"));
        assertThat(sorted.apply("semestern")).isEqualTo(sorted.apply("semester"));
    }
}
