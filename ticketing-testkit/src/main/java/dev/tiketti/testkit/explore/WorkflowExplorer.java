package dev.tiketti.testkit.explore;

import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.TestAgent;
import dev.tiketti.testkit.WorkflowTestKit;
import dev.tiketti.testkit.generator.TicketingGenerators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Explores a host's workflow on the real engine: breadth-first, every sequence of moves up to a
 * depth, where a move is a transition attempt by one of a finite set of actors (with or without
 * the resolution and fields its guards ask for) or an assignment. Tickets are told apart by
 * what guards look at ({@link Facts}: state, requester assurance, assignee, resolution, guarded
 * fields), so each configuration is explored once and the search ends. {@link Check}s run on
 * every step and over the whole graph; the first counterexample of each is a shortest one,
 * replayed on one freshly opened ticket and reported as a readable path.
 *
 * <pre>{@code
 * WorkflowExplorer.of(hrWorkflow)
 *         .actors(agent("maija").withRoles("hr"), agent("hanna").withRoles("hr", "hr-lead"))
 *         .check(Check.noPathReaches("CLOSED").withoutTransition("resolve"))
 *         .verify(); // the standard checks and this one; an AssertionError shows each counterexample
 * }</pre>
 *
 * <p>Defaults: agents derived from the guards (one without roles, one per role named by an
 * {@code actorHasRole} guard, one with all of them), plus the requester and the system;
 * requesters identified at {@link AssuranceLevel#NONE} and at each level a
 * {@code requesterAssurance} guard names; paths of up to 20 steps; at most 5000 configurations;
 * the {@link Check#standard() standard} checks. Instances are immutable.
 *
 * @since 0.1
 */
public final class WorkflowExplorer {
    private final WorkflowDefinition workflow;
    private final Optional<TicketType> type;
    private final Optional<List<TestAgent>> agents;
    private final Optional<List<AssuranceLevel>> levels;
    private final int depth;
    private final int maxConfigurations;
    private final List<Check> checks;

    private WorkflowExplorer(WorkflowDefinition workflow, Optional<TicketType> type,
                             Optional<List<TestAgent>> agents, Optional<List<AssuranceLevel>> levels, int depth,
                             int maxConfigurations, List<Check> checks) {
        this.workflow = workflow;
        this.type = type;
        this.agents = agents;
        this.levels = levels;
        this.depth = depth;
        this.maxConfigurations = maxConfigurations;
        this.checks = checks;
    }

    /** An explorer of {@code workflow}, validated at once (as {@link WorkflowTestKit#of} does). */
    public static WorkflowExplorer of(WorkflowDefinition workflow) {
        Objects.requireNonNull(workflow, "workflow");
        WorkflowTestKit.of(workflow);
        return new WorkflowExplorer(workflow, Optional.empty(), Optional.empty(), Optional.empty(), 20, 5000,
                Check.standard());
    }

    /** Opens tickets of the host's own type (its mandatory fields are filled in with valid values). */
    public WorkflowExplorer type(TicketType ticketType) {
        WorkflowTestKit.of(workflow).type(ticketType); // checks that the type follows this workflow
        return new WorkflowExplorer(workflow, Optional.of(ticketType), agents, levels, depth, maxConfigurations,
                checks);
    }

    /** The agents who attempt transitions (the requester and the system always do too). */
    public WorkflowExplorer actors(TestAgent... value) {
        return new WorkflowExplorer(workflow, type, Optional.of(List.of(value)), levels, depth, maxConfigurations,
                checks);
    }

    /** The levels requesters are identified at; each is explored from a ticket of its own. */
    public WorkflowExplorer requesterAssurance(AssuranceLevel... value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("give at least one assurance level");
        }
        return new WorkflowExplorer(workflow, type, agents, Optional.of(List.of(value)), depth, maxConfigurations,
                checks);
    }

    /** The longest path explored, in moves (also the length of each random walk). */
    public WorkflowExplorer depth(int moves) {
        if (moves < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + moves);
        }
        return new WorkflowExplorer(workflow, type, agents, levels, moves, maxConfigurations, checks);
    }

    /** The most configurations explored before the search stops (and reports itself incomplete). */
    public WorkflowExplorer maxConfigurations(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxConfigurations must be at least 1, was " + value);
        }
        return new WorkflowExplorer(workflow, type, agents, levels, depth, value, checks);
    }

    /** Checks {@code more} too, besides the checks so far (at first the standard ones). */
    public WorkflowExplorer check(Check... more) {
        List<Check> all = new ArrayList<>(checks);
        all.addAll(List.of(more));
        return new WorkflowExplorer(workflow, type, agents, levels, depth, maxConfigurations, List.copyOf(all));
    }

    /** Checks exactly {@code these}, without the standard ones. */
    public WorkflowExplorer onlyChecks(Check... these) {
        return new WorkflowExplorer(workflow, type, agents, levels, depth, maxConfigurations, List.of(these));
    }

    /** Explores and reports what it found. */
    public Exploration explore() {
        return new Search().run();
    }

    /**
     * Explores and fails on the first counterexample of each check.
     *
     * @throws AssertionError listing each counterexample with its (shortest) path
     */
    public Exploration verify() {
        return explore().assertNoViolations();
    }

    /**
     * Seeded random walks of up to {@link #depth} moves each, for workflows too large to explore:
     * walk {@code i} draws from {@code TicketingGenerators.random(seed, i)}, so a walk that fails
     * can be run again alone. Only step and path checks apply to a walk.
     */
    public Stream<Scenario> randomScenarios(long seed) {
        Search search = new Search();
        return LongStream.iterate(0, i -> i + 1).mapToObj(i -> new Scenario(seed, i, depth, search::walk));
    }

    // ------------------------------------------------------------------ the search

    private record Key(Facts facts, long gates) {
    }

    private static final class Node {
        final Key key;
        final Node parent;
        final Step via;
        final int depth;
        final List<Node> successors = new ArrayList<>();
        boolean expanded;

        Node(Key key, Node parent, Step via, int depth) {
            this.key = key;
            this.parent = parent;
            this.via = via;
            this.depth = depth;
        }

        Node root() {
            return parent == null ? this : parent.root();
        }

        List<Move> moves() {
            List<Move> moves = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                moves.add(n.via.move());
            }
            Collections.reverse(moves);
            return moves;
        }
    }

    private final class Search {
        final List<Who> actors = new ArrayList<>();
        final List<String> guardedFields;
        final boolean assigneeMatters;
        final List<AssuranceLevel> startLevels;
        final EngineDriver driver;
        final List<Check> pathChecks = new ArrayList<>();
        final List<Predicate<Step>> gates = new ArrayList<>();
        final Map<Key, Node> seen = new LinkedHashMap<>();
        final Map<Check, List<Violation>> violations = new LinkedHashMap<>();
        final ArrayDeque<Node> queue = new ArrayDeque<>();
        final Map<String, Node> firstAttemptFrom = new LinkedHashMap<>();
        final Map<String, Step> firstAttempt = new LinkedHashMap<>();
        int moves;
        boolean complete = true;

        Search() {
            Set<String> roles = new TreeSet<>();
            Set<String> fields = new TreeSet<>();
            Set<AssuranceLevel> named = new TreeSet<>();
            boolean assignee = false;
            for (TransitionDefinition t : workflow.transitions()) {
                for (Guard g : t.guards()) {
                    if (g instanceof Guard.ActorHasRole r) {
                        roles.add(r.role());
                    } else if (g instanceof Guard.FieldRequired f) {
                        fields.add(f.field());
                    } else if (g instanceof Guard.RequesterAssurance a) {
                        named.add(a.level());
                    } else if (g instanceof Guard.AssigneeRequired) {
                        assignee = true;
                    }
                }
            }
            agents.orElseGet(() -> defaultAgents(roles)).forEach(a -> actors.add(Who.agent(a)));
            actors.add(Who.requester());
            actors.add(Who.system());
            guardedFields = List.copyOf(fields);
            assigneeMatters = assignee;
            Set<AssuranceLevel> start = new LinkedHashSet<>();
            start.add(AssuranceLevel.values()[0]);
            start.addAll(named);
            startLevels = levels.orElse(List.copyOf(start));
            driver = new EngineDriver(workflow, type, guardedFields);
            for (Check c : checks) {
                if (c.kind() == Check.Kind.PATH) {
                    if (workflow.state(c.target()).isEmpty()) {
                        throw new IllegalArgumentException("check '" + c.name() + "' names state '" + c.target()
                                + "', which workflow '" + workflow.id() + "' does not have: use one of "
                                + workflow.states().stream().map(StateDefinition::name).toList());
                    }
                    c.gateTransition().filter(t -> workflow.transition(t).isEmpty()).ifPresent(t -> {
                        throw new IllegalArgumentException("check '" + c.name() + "' names transition '" + t
                                + "', which workflow '" + workflow.id() + "' does not have: use one of "
                                + workflow.transitions().stream().map(TransitionDefinition::name).toList());
                    });
                    pathChecks.add(c);
                    gates.add(c.gate(this::guardsOf));
                }
            }
            if (pathChecks.size() > 63) {
                throw new IllegalArgumentException("at most 63 path checks per exploration");
            }
            checks.forEach(c -> violations.put(c, new ArrayList<>()));
        }

        private List<TestAgent> defaultAgents(Set<String> roles) {
            List<TestAgent> list = new ArrayList<>();
            list.add(WorkflowTestKit.agent("agent"));
            for (String role : roles) {
                list.add(WorkflowTestKit.agent("agent-" + role).withRoles(role));
            }
            if (roles.size() > 1) {
                list.add(WorkflowTestKit.agent("agent-all").withRoles(roles.toArray(String[]::new)));
            }
            return list;
        }

        List<Guard> guardsOf(String transition) {
            return workflow.transition(transition).map(TransitionDefinition::guards).orElse(List.of());
        }

        /** Every move from a ticket with {@code f}: attempts of each transition leaving its state, an assignment. */
        List<Move> movesFrom(Facts f) {
            List<Move> list = new ArrayList<>();
            for (TransitionDefinition t : workflow.transitionsFrom(f.state())) {
                boolean needsResolution = !f.resolved()
                        && t.guards().stream().anyMatch(Guard.ResolutionRequired.class::isInstance);
                List<String> missing = t.guards().stream().filter(Guard.FieldRequired.class::isInstance)
                        .map(g -> ((Guard.FieldRequired) g).field()).filter(x -> !f.filledIn().contains(x))
                        .distinct().toList();
                for (Who who : actors) {
                    list.add(new Move.Attempt(t.name(), who, false, List.of()));
                    if (needsResolution || !missing.isEmpty()) {
                        list.add(new Move.Attempt(t.name(), who, needsResolution, missing));
                    }
                }
            }
            if (assigneeMatters && !f.assigned()) {
                list.add(new Move.Assign());
            }
            return list;
        }

        long passed(Step step, long gatesBefore) {
            long g = gatesBefore;
            for (int i = 0; i < gates.size(); i++) {
                if (gates.get(i).test(step)) {
                    g |= 1L << i;
                }
            }
            return g;
        }

        /** Step and path checks on one step: each broken check with what is wrong. */
        List<Map.Entry<Check, String>> checkStep(Step step, long gatesAfter) {
            List<Map.Entry<Check, String>> problems = new ArrayList<>();
            for (Check c : checks) {
                if (c.kind() == Check.Kind.STEP) {
                    c.onStep(step).ifPresent(problem -> problems.add(Map.entry(c, problem)));
                }
            }
            for (int i = 0; i < pathChecks.size(); i++) {
                Check c = pathChecks.get(i);
                if (step.outcome() == Step.Outcome.TAKEN && step.after().state().equals(c.target())
                        && (gatesAfter & (1L << i)) == 0) {
                    problems.add(Map.entry(c, "this path reaches " + c.target() + " without it"));
                }
            }
            return problems;
        }

        Exploration run() {
            for (AssuranceLevel level : startLevels) {
                Key k = new Key(Facts.opened(workflow.initialState(), level), 0);
                if (!seen.containsKey(k)) {
                    Node root = new Node(k, null, null, 0);
                    seen.put(k, root);
                    queue.add(root);
                }
            }
            int deepest = 0;
            while (!queue.isEmpty()) {
                Node n = queue.poll();
                if (movesFrom(n.key.facts()).isEmpty()) {
                    n.expanded = true; // nothing to try: a final state
                    continue;
                }
                if (n.depth >= depth || seen.size() > maxConfigurations) {
                    complete = false;
                    continue;
                }
                expand(n);
                deepest = Math.max(deepest, n.depth + 1);
            }
            graphChecks();
            Set<String> states = new TreeSet<>();
            seen.keySet().forEach(k -> states.add(k.facts().state()));
            List<Violation> found = new ArrayList<>();
            violations.values().forEach(found::addAll);
            return new Exploration(seen.size(), moves, deepest, complete, states, found);
        }

        void expand(Node n) {
            n.expanded = true;
            EngineDriver.Live live = null;
            for (Move m : movesFrom(n.key.facts())) {
                if (live == null) {
                    live = driver.arrange(n.key.facts());
                }
                Step step = driver.apply(live, m, n.depth + 1);
                moves++;
                long g = passed(step, n.key.gates());
                for (Map.Entry<Check, String> problem : checkStep(step, g)) {
                    if (violations.get(problem.getKey()).isEmpty()) {
                        List<Move> path = new ArrayList<>(n.moves());
                        path.add(m);
                        violations.get(problem.getKey()).add(replayed(problem.getKey(), problem.getValue(),
                                n.root().key.facts(), path, List.of()));
                    }
                }
                if (m instanceof Move.Attempt a && !firstAttempt.containsKey(a.transition())) {
                    firstAttempt.put(a.transition(), step);
                    firstAttemptFrom.put(a.transition(), n);
                }
                Key k = new Key(step.after(), g);
                if (!k.equals(n.key)) {
                    Node child = seen.get(k);
                    if (child == null) {
                        child = new Node(k, n, step, n.depth + 1);
                        seen.put(k, child);
                        queue.add(child);
                    }
                    n.successors.add(child);
                }
                if (!step.after().equals(n.key.facts())) {
                    live = null; // the next move starts from a ticket with this node's facts again
                }
            }
        }

        /** The replayed steps of {@code moves} from a ticket just opened with {@code start}. */
        List<Step> replay(Facts start, List<Move> path) {
            EngineDriver.Live live = driver.arrange(start);
            List<Step> steps = new ArrayList<>();
            for (Move m : path) {
                steps.add(driver.apply(live, m, steps.size() + 1));
            }
            return steps;
        }

        Violation replayed(Check check, String message, Facts start, List<Move> path, List<String> detail) {
            List<Step> steps = replay(start, path);
            return new Violation(check.name(), message, start, steps, detail);
        }

        void graphChecks() {
            for (Check c : checks) {
                if (c.kind() == Check.Kind.EVERY_STATE_REACHABLE) {
                    unreachable(c);
                } else if (c.kind() == Check.Kind.CLOSED_REACHABLE) {
                    deadEnd(c);
                }
            }
        }

        void unreachable(Check c) {
            Set<String> reached = new TreeSet<>();
            seen.keySet().forEach(k -> reached.add(k.facts().state()));
            Facts firstStart = seen.keySet().iterator().next().facts();
            for (StateDefinition s : workflow.states()) {
                if (reached.contains(s.name())) {
                    continue;
                }
                List<TransitionDefinition> into = workflow.transitions().stream()
                        .filter(t -> t.to().equals(s.name())).toList();
                String message = "state " + s.name() + " is never reached" + (complete ? "" : " within "
                        + depth + " moves");
                List<String> detail = new ArrayList<>();
                detail.add("transitions into it: " + into.stream().map(t -> "'" + t.name() + "' from " + t.from())
                        .toList());
                Node from = null;
                String via = null;
                for (TransitionDefinition t : into) {
                    Node n = firstAttemptFrom.get(t.name());
                    if (n != null && (from == null || n.depth < from.depth)) {
                        from = n;
                        via = t.name();
                    }
                }
                if (from == null) {
                    detail.add("none of them was attempted: no path reaches a state they leave");
                    violations.get(c).add(new Violation(c.name(), message, firstStart, List.of(), detail));
                    continue;
                }
                detail.add("the path ends with the nearest attempt of '" + via + "' (no attempt of it was taken)");
                List<Move> path = new ArrayList<>(from.moves());
                path.add(firstAttempt.get(via).move());
                violations.get(c).add(replayed(c, message, from.root().key.facts(), path, detail));
            }
        }

        void deadEnd(Check c) {
            Set<Node> canClose = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Map<Node, List<Node>> predecessors = new java.util.IdentityHashMap<>();
            ArrayDeque<Node> work = new ArrayDeque<>();
            for (Node n : seen.values()) {
                for (Node s : n.successors) {
                    predecessors.computeIfAbsent(s, x -> new ArrayList<>()).add(n);
                }
                boolean closed = workflow.state(n.key.facts().state()).map(StateDefinition::category)
                        .filter(StateCategory.CLOSED::equals).isPresent();
                if (closed || !n.expanded) { // an unexplored configuration might still close
                    canClose.add(n);
                    work.add(n);
                }
            }
            while (!work.isEmpty()) {
                for (Node p : predecessors.getOrDefault(work.poll(), List.of())) {
                    if (canClose.add(p)) {
                        work.add(p);
                    }
                }
            }
            List<Node> stuck = seen.values().stream().filter(n -> !canClose.contains(n)).toList();
            if (stuck.isEmpty()) {
                return;
            }
            Node first = stuck.stream().min((a, b) -> Integer.compare(a.depth, b.depth)).orElseThrow();
            Set<String> states = new TreeSet<>();
            stuck.forEach(n -> states.add(n.key.facts().state()));
            List<String> detail = new ArrayList<>();
            detail.add(stuck.size() + " configuration(s) are stuck like this, in state(s) " + states);
            detail.add("moves from there, none of which leads towards a CLOSED state:");
            EngineDriver.Live live = null;
            int shown = 0;
            for (Move m : movesFrom(first.key.facts())) {
                if (live == null) {
                    live = driver.arrange(first.key.facts());
                }
                Step s = driver.apply(live, m, first.depth + 1);
                if (shown++ < 12) {
                    detail.add("  " + s);
                }
                if (!s.after().equals(first.key.facts())) {
                    live = null;
                }
            }
            violations.get(c).add(replayed(c, "from " + first.key.facts() + " no sequence of moves reaches a CLOSED "
                    + "state", first.root().key.facts(), first.moves(), detail));
        }

        /** One random walk: see {@link WorkflowExplorer#randomScenarios}. */
        List<Step> walk(Scenario scenario) {
            RandomGenerator random = TicketingGenerators.random(scenario.seed(), scenario.index());
            Facts start = Facts.opened(workflow.initialState(), startLevels.get(random.nextInt(startLevels.size())));
            EngineDriver.Live live = driver.arrange(start);
            List<Step> steps = new ArrayList<>();
            Facts now = start;
            long g = 0;
            for (int i = 1; i <= depth; i++) {
                List<Move> options = movesFrom(now);
                if (options.isEmpty()) {
                    break;
                }
                Step step = driver.apply(live, options.get(random.nextInt(options.size())), i);
                steps.add(step);
                g = passed(step, g);
                List<Map.Entry<Check, String>> problems = checkStep(step, g);
                if (!problems.isEmpty()) {
                    throw new AssertionError(scenario + ":\n" + new Violation(problems.get(0).getKey().name(),
                            problems.get(0).getValue(), start, steps, List.of()));
                }
                now = step.after();
            }
            return steps;
        }
    }

    @Override
    public String toString() {
        return "WorkflowExplorer of '" + workflow.id() + "' (depth " + depth + ", checks " + checks + ")";
    }
}
