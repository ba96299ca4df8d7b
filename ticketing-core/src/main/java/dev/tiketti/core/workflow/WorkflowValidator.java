package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.StateCategory;
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
            problems.add(WorkflowMessages.workflowIdInvalid(d.id()));
        }
        if (d.states().isEmpty()) {
            problems.add(WorkflowMessages.noStates());
            return problems;
        }
        Set<String> states = new LinkedHashSet<>();
        for (StateDefinition s : d.states()) {
            if (!Require.isName(s.name())) {
                problems.add(WorkflowMessages.stateNameInvalid(s.name()));
            }
            if (!states.add(s.name())) {
                problems.add(WorkflowMessages.stateTwice(s.name()));
            }
        }
        if (!states.contains(d.initialState())) {
            problems.add(WorkflowMessages.initialStateUndeclared(d.initialState(), states));
        }
        Set<String> names = new HashSet<>();
        Map<String, Set<String>> edges = new HashMap<>();
        for (TransitionDefinition t : d.transitions()) {
            if (!Require.isName(t.name())) {
                problems.add(WorkflowMessages.transitionNameInvalid(t.name()));
            }
            if (!names.add(t.name())) {
                problems.add(WorkflowMessages.transitionTwice(t.name()));
            }
            if (t.from().isEmpty()) {
                problems.add(WorkflowMessages.noFromState(t.name()));
            }
            if (new HashSet<>(t.from()).size() != t.from().size()) {
                problems.add(WorkflowMessages.fromStateTwice(t.name()));
            }
            for (String f : t.from()) {
                if (!states.contains(f)) {
                    problems.add(WorkflowMessages.leavesUndeclaredState(t.name(), f));
                }
            }
            if (!states.contains(t.to())) {
                problems.add(WorkflowMessages.entersUndeclaredState(t.name(), t.to()));
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
                problems.add(WorkflowMessages.unreachable(s, d.initialState()));
            }
        }
        Set<String> closed = new HashSet<>();
        for (StateDefinition s : d.states()) {
            if (s.category() == StateCategory.CLOSED) {
                closed.add(s.name());
            }
        }
        if (closed.isEmpty()) {
            problems.add(WorkflowMessages.noClosedState());
            return problems;
        }
        Map<String, Set<String>> reverse = new HashMap<>();
        edges.forEach((from, tos) -> tos.forEach(to -> reverse.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        Set<String> canFinish = reach(closed, reverse);
        for (StateDefinition s : d.states()) {
            boolean hasExit = edges.getOrDefault(s.name(), Set.of()).stream().anyMatch(to -> !to.equals(s.name()));
            if (s.category() != StateCategory.CLOSED && !hasExit) {
                problems.add(WorkflowMessages.stuck(s.name(), s.category()));
            } else if (!canFinish.contains(s.name())) {
                problems.add(WorkflowMessages.cannotFinish(s.name(), closed));
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
