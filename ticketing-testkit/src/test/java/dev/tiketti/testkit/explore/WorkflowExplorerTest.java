package dev.tiketti.testkit.explore;

import static dev.tiketti.testkit.WorkflowTestKit.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.TestAgent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explorer on a small HR workflow: it passes the sound one, and finds a planted unreachable
 * state, a planted guard bypass and a planted dead end, each with a shortest path.
 */
@DisplayName("WorkflowExplorer")
class WorkflowExplorerTest {
    static final TestAgent MAIJA = agent("maija").withRoles("hr");
    static final TestAgent HANNA = agent("hanna").withRoles("hr", "hr-lead");

    /** Start (hr), ask and reply, resolve (resolution, assignee), close or reopen; approve (hr-lead, decision), pay. */
    static WorkflowDefinition.TransitionBuilder sound() {
        return WorkflowDefinition.builder("hr-leave")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("APPROVED", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED)
                .state("PAID", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr"))
                    .then(Effect.assignToActor())
                .transition("ask").from("OPEN").to("WAITING")
                .transition("replied").from("WAITING").to("OPEN")
                .transition("resolve").from("OPEN").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.assigneeRequired())
                .transition("close").from("RESOLVED").to("CLOSED")
                .transition("reopen").from("RESOLVED").to("OPEN")
                .transition("approve").from("OPEN").to("APPROVED")
                    .requires(Guard.actorHasRole("hr-lead"), Guard.fieldRequired("decision"))
                .transition("pay").from("APPROVED").to("PAID");
    }

    @Test
    @DisplayName("a sound workflow passes every standard check and a path check")
    void soundWorkflowPasses() {
        Exploration e = WorkflowExplorer.of(sound().build()).actors(MAIJA, HANNA)
                .check(Check.noPathReaches("PAID").withoutTransition("approve"),
                        Check.noPathReaches("PAID").withoutGuard(Guard.actorHasRole("hr-lead")))
                .verify();
        assertThat(e.complete()).isTrue();
        assertThat(e.statesReached()).containsExactlyInAnyOrder("NEW", "OPEN", "WAITING", "RESOLVED", "APPROVED",
                "CLOSED", "PAID");
        assertThat(e.configurations()).isGreaterThan(7);
        assertThat(e.moves()).isGreaterThan(e.configurations());
    }

    @Test
    @DisplayName("finds a state no actor can reach, with the shortest path to the nearest attempt")
    void plantedUnreachableState() {
        WorkflowDefinition w = sound().state("ARCHIVED", StateCategory.CLOSED)
                .transition("archive").from("CLOSED").to("ARCHIVED").requires(Guard.actorHasRole("archivist"))
                .build();

        Exploration e = WorkflowExplorer.of(w).actors(MAIJA, HANNA).onlyChecks(Check.everyStateReachable())
                .explore();

        assertThat(e.statesReached()).doesNotContain("ARCHIVED");
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).isEqualTo("state ARCHIVED is never reached");
            // shortest: start (assigns), resolve with a resolution, close, then the refused archive
            assertThat(moves(v)).containsExactly("'start' by agent 'maija' [hr]",
                    "'resolve' by agent 'maija' [hr], with a resolution", "'close' by agent 'maija' [hr]",
                    "'archive' by agent 'maija' [hr]");
            assertThat(v.path().get(3).outcome()).isEqualTo(Step.Outcome.REFUSED);
            assertThat(v.toString()).contains("only someone with role 'archivist' may do this",
                    "transitions into it: ['archive' from [CLOSED]]");
        });
        // with an archivist among the actors the state is reachable
        WorkflowExplorer.of(w).actors(MAIJA, HANNA, agent("arja").withRoles("archivist"))
                .onlyChecks(Check.everyStateReachable()).verify();
    }

    @Test
    @DisplayName("finds a transition that bypasses the guarded path, with a shortest path")
    void plantedGuardBypass() {
        WorkflowDefinition w = sound().transition("fast-pay").from("OPEN").to("PAID").build();

        Exploration e = WorkflowExplorer.of(w).actors(MAIJA, HANNA)
                .onlyChecks(Check.noPathReaches("PAID").withoutTransition("approve"),
                        Check.noPathReaches("PAID").withoutGuard(Guard.actorHasRole("hr-lead")))
                .explore();

        assertThat(e.violations()).hasSize(2).allSatisfy(v -> {
            assertThat(moves(v)).containsExactly("'start' by agent 'maija' [hr]", "'fast-pay' by agent 'maija' [hr]");
            assertThat(v.path().get(1).after().state()).isEqualTo("PAID");
        });
        assertThat(e.violations().get(0).check()).isEqualTo("no path reaches PAID without transition 'approve'");
        assertThat(e.violations().get(1).check()).isEqualTo("no path reaches PAID without guard "
                + Guard.actorHasRole("hr-lead"));
        assertThatThrownBy(() -> WorkflowExplorer.of(w).actors(MAIJA, HANNA)
                .check(Check.noPathReaches("PAID").withoutTransition("approve")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2. 'fast-pay' by agent 'maija' [hr]: OPEN -> PAID");
    }

    @Test
    @DisplayName("finds a state tickets of weakly identified requesters cannot leave, with a shortest path")
    void plantedDeadEnd() {
        WorkflowDefinition w = sound().state("VERIFYING", StateCategory.OPEN)
                .transition("verify").from("NEW").to("VERIFYING")
                .transition("verified").from("VERIFYING").to("OPEN")
                    .requires(Guard.requesterAssurance(AssuranceLevel.HIGH))
                .build();

        Exploration e = WorkflowExplorer.of(w).actors(MAIJA, HANNA)
                .onlyChecks(Check.closedReachableFromEveryState()).explore();

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.start().requesterAssurance()).isEqualTo(AssuranceLevel.NONE);
            assertThat(moves(v)).containsExactly("'verify' by agent 'maija' [hr]");
            assertThat(v.message()).isEqualTo("from VERIFYING (requester NONE) no sequence of moves reaches a "
                    + "CLOSED state");
            assertThat(v.detail()).anySatisfy(d -> assertThat(d).contains("'verified' by agent 'hanna'",
                    "refused: the requester must be identified at level HIGH"));
        });
        // a requester identified at HIGH is never stuck
        WorkflowExplorer.of(w).actors(MAIJA, HANNA).requesterAssurance(AssuranceLevel.HIGH)
                .onlyChecks(Check.closedReachableFromEveryState()).verify();
    }

    @Test
    @DisplayName("reports a host invariant's shortest counterexample")
    void hostInvariant() {
        Exploration e = WorkflowExplorer.of(sound().build()).actors(MAIJA, HANNA)
                .onlyChecks(Check.invariant("a WAITING ticket carries a resolution",
                        s -> !s.after().state().equals("WAITING") || s.after().resolved()))
                .explore();

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(moves(v)).containsExactly("'start' by agent 'maija' [hr]", "'ask' by agent 'maija' [hr]");
            assertThat(v.path().get(1).ticketAfter().version()).isEqualTo(3); // opened, started, asked
        });
    }

    @Test
    @DisplayName("default actors come from the guards' roles; the depth bound is reported")
    void defaultsAndBounds() {
        Exploration e = WorkflowExplorer.of(sound().build()).depth(2).explore();
        assertThat(e.complete()).isFalse();
        assertThat(e.depth()).isEqualTo(2);
        assertThat(e.statesReached()).contains("NEW", "OPEN", "WAITING").doesNotContain("PAID");
        assertThat(e.violations()).extracting(Violation::message).contains("state PAID is never reached within 2 "
                + "moves");

        Exploration full = WorkflowExplorer.of(sound().build()).verify();
        assertThat(full.complete()).isTrue();
    }

    @Test
    @DisplayName("a path check naming a state or transition the workflow lacks fails at once, listing the real ones")
    void pathChecksOfUnknownNamesAreRefused() {
        WorkflowExplorer x = WorkflowExplorer.of(sound().build());
        assertThatThrownBy(() -> x.check(Check.noPathReaches("PAYED").withoutTransition("approve")).explore())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state 'PAYED'")
                .hasMessageContaining("PAID");
        assertThatThrownBy(() -> x.check(Check.noPathReaches("PAID").withoutTransition("aprove")).explore())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transition 'aprove'")
                .hasMessageContaining("approve");
    }

    @Nested
    @DisplayName("random walks")
    class RandomWalks {
        static Stream<Scenario> walks() {
            return WorkflowExplorer.of(sound().build()).actors(MAIJA, HANNA)
                    .check(Check.noPathReaches("PAID").withoutTransition("approve")).randomScenarios(42L).limit(30);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("walks")
        void keepEveryInvariant(Scenario walk) {
            List<Step> steps = walk.run();
            assertThat(steps).isNotEmpty().hasSizeLessThanOrEqualTo(20);
            assertThat(walk.toString()).contains("of seed 42");
        }

        @Test
        void findTheBypassAndNameTheirSeed() {
            WorkflowDefinition w = sound().transition("fast-pay").from("OPEN").to("PAID").build();
            List<Scenario> walks = WorkflowExplorer.of(w).actors(MAIJA, HANNA)
                    .onlyChecks(Check.noPathReaches("PAID").withoutTransition("approve")).randomScenarios(7L)
                    .limit(200).toList();
            AssertionError failure = walks.stream().map(s -> {
                try {
                    s.run();
                    return null;
                } catch (AssertionError e) {
                    return e;
                }
            }).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            assertThat(failure).hasMessageContaining("of seed 7").hasMessageContaining("'fast-pay'")
                    .hasMessageContaining("-> PAID");
        }

        @Test
        void areTheSameForTheSameSeed() {
            WorkflowExplorer x = WorkflowExplorer.of(sound().build()).actors(MAIJA, HANNA);
            List<List<String>> a = x.randomScenarios(3L).limit(5).map(RandomWalks::summary).toList();
            List<List<String>> b = x.randomScenarios(3L).limit(5).map(RandomWalks::summary).toList();
            assertThat(a).isEqualTo(b);
        }

        /** Each step's move, outcome and facts after (reasons name the ticket's random requester id). */
        static List<String> summary(Scenario walk) {
            return walk.run().stream().map(s -> s.move() + " " + s.outcome() + " " + s.after()).toList();
        }
    }

    private static List<String> moves(Violation v) {
        return v.path().stream().map(s -> s.move().toString()).toList();
    }
}
