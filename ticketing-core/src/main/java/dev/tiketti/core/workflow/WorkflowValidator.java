package dev.tiketti.core.workflow;

import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.common.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Structural checks of a workflow definition; every message names the culprit and the fix. */
final class WorkflowValidator {
    private WorkflowValidator() {
    }

    static List<String> problems(WorkflowDefinition d) {
        List<String> problems = new ArrayList<>();
        if (!Require.isName(d.id())) {
            problems.add("workflow id '" + d.id() + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter");
        }
        if (d.states().isEmpty()) {
            problems.add("the workflow has no states: declare at least one state and a CLOSED-category state");
            return problems;
        }
        Set<String> states = new LinkedHashSet<>();
        for (StateDefinition s : d.states()) {
            if (!Require.isName(s.name())) {
                problems.add("state name '" + s.name() + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter");
            }
            if (!states.add(s.name())) {
                problems.add("state '" + s.name() + "' is declared more than once: rename or remove the duplicate");
            }
        }
        if (!states.contains(d.initialState())) {
            problems.add("initial state '" + d.initialState() + "' is not declared: declare it or pick one of " + states);
        }
        Set<String> names = new HashSet<>();
        Map<String, Set<String>> edges = new HashMap<>();
        for (TransitionDefinition t : d.transitions()) {
            if (!Require.isName(t.name())) {
                problems.add("transition name '" + t.name() + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter");
            }
            if (!names.add(t.name())) {
                problems.add("transition '" + t.name() + "' is declared more than once: transition names must be unique");
            }
            if (t.from().isEmpty()) {
                problems.add("transition '" + t.name() + "' has no from-state: say which states it leaves");
            }
            if (new HashSet<>(t.from()).size() != t.from().size()) {
                problems.add("transition '" + t.name() + "' lists a from-state twice: list each once");
            }
            for (String f : t.from()) {
                if (!states.contains(f)) {
                    problems.add("transition '" + t.name() + "' leaves undeclared state '" + f + "': declare it or correct the name");
                }
            }
            if (!states.contains(t.to())) {
                problems.add("transition '" + t.name() + "' goes to undeclared state '" + t.to() + "': declare it or correct the name");
            }
            for (String f : t.from()) {
                edges.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(t.to());
            }
        }
        if (!problems.isEmpty()) {
            return problems; // graph checks on dangling names would only repeat the same mistakes
        }
        Set<String> reachable = reach(Set.of(d.initialState()), edges);
        for (String s : states) {
            if (!reachable.contains(s)) {
                problems.add("state '" + s + "' is unreachable from initial state '" + d.initialState()
                        + "': add a transition into it or remove it");
            }
        }
        Set<String> closed = new HashSet<>();
        for (StateDefinition s : d.states()) {
            if (s.category() == StateCategory.CLOSED) {
                closed.add(s.name());
            }
        }
        if (closed.isEmpty()) {
            problems.add("the workflow has no CLOSED-category state: tickets could never be finished; add one");
            return problems;
        }
        Map<String, Set<String>> reverse = new HashMap<>();
        edges.forEach((from, tos) -> tos.forEach(to -> reverse.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        Set<String> canFinish = reach(closed, reverse);
        for (StateDefinition s : d.states()) {
            boolean hasExit = edges.getOrDefault(s.name(), Set.of()).stream().anyMatch(to -> !to.equals(s.name()));
            if (s.category() != StateCategory.CLOSED && !hasExit) {
                problems.add("state '" + s.name() + "' (" + s.category() + ") has no transition out, so its tickets "
                        + "would be stuck: add a transition from it or make it a CLOSED-category state");
            } else if (!canFinish.contains(s.name())) {
                problems.add("state '" + s.name() + "' cannot reach any CLOSED-category state " + closed
                        + ": add a path from it towards closing");
            }
        }
        return problems;
    }

    private static Set<String> reach(Set<String> start, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>(start);
        ArrayDeque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String next : edges.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
