package dev.tiketti.testkit.arbitrary;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.WhenTransition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for Tiketti's domain, for property tests of workflows (the engine's and a
 * host's own) and of storage adapters. Use them from {@code @Provide} methods:
 *
 * <pre>{@code
 * @Provide Arbitrary<WorkflowDefinition> workflows() { return TicketingArbitraries.workflows(); }
 * }</pre>
 *
 * <p>Generated workflows only name fields from {@link #WORKFLOW_FIELDS} and roles from
 * {@link #ROLES}, so {@link #ticketTypes(WorkflowDefinition)} can always declare what they need
 * and {@link #transitionAttempts} can produce actors who sometimes do and sometimes do not hold
 * the roles guards ask for. All text is invented (Finnish-flavoured, with characters JSON must
 * escape); no real personal data.
 *
 * @since 0.1
 */
public final class TicketingArbitraries {
    /** The roles generated guards ask for and generated agents hold (some of). */
    public static final List<String> ROLES = List.of("hr", "hr-lead", "billing");
    /** The text fields generated guards and {@code setField} effects name. */
    public static final List<String> WORKFLOW_FIELDS = List.of("reference", "decision");
    /** The agent ids generated actors and assignments use. */
    public static final List<String> AGENTS = List.of("maija", "pekka", "leena");
    /** A transition name no generated workflow has: attempts use it to try the impossible. */
    public static final String NO_SUCH_TRANSITION = "no-such.transition";

    private TicketingArbitraries() {
    }

    // ------------------------------------------------------------------ names and text

    /** State names such as {@code OPEN} or {@code W_2}: an upper-case letter, then upper-case letters, digits, '_'. */
    public static Arbitrary<String> stateNames() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                        Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('_')
                                .ofMaxLength(11))
                .as((first, rest) -> first + rest);
    }

    /** Transition names such as {@code start} or {@code ask-2}: a lower-case letter, then lower-case letters, digits, '-'. */
    public static Arbitrary<String> transitionNames() {
        return Combinators.combine(Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                                .ofMaxLength(11))
                .as((first, rest) -> first + rest);
    }

    /** Workflow ids such as {@code hr-general}. */
    public static Arbitrary<String> workflowIds() {
        return transitionNames();
    }

    /** Non-blank free text with Finnish letters and characters JSON must escape. */
    public static Arbitrary<String> texts() {
        return Arbitraries.strings().alpha().numeric().withChars(" äöåÄÖÅ.,:;!?{}\"\\/€\n\t")
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
    }

    // ------------------------------------------------------------------ guards and effects

    /** Any guard; field and role guards name {@link #WORKFLOW_FIELDS} and {@link #ROLES}. */
    public static Arbitrary<Guard> guards() {
        return Arbitraries.oneOf(
                Arbitraries.just(Guard.resolutionRequired()),
                Arbitraries.of(WORKFLOW_FIELDS).map(Guard::fieldRequired),
                Arbitraries.of(ROLES).map(Guard::actorHasRole),
                Arbitraries.of(AssuranceLevel.class).map(Guard::requesterAssurance),
                Arbitraries.just(Guard.assigneeRequired()));
    }

    /** Any effect; {@code setField} names one of {@link #WORKFLOW_FIELDS} (text fields, so any value fits). */
    public static Arbitrary<Effect> effects() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(WORKFLOW_FIELDS), texts()).as(Effect::setField),
                Arbitraries.just(Effect.assignToActor()),
                Arbitraries.of(AGENTS).map(Effect::assignTo),
                Arbitraries.just(Effect.unassign()),
                texts().map(Effect::addNote),
                Combinators.combine(Arbitraries.of(Effect.Notify.Recipient.class), texts()).as(Effect::notify));
    }

    private static Arbitrary<List<Guard>> guardLists() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.of())),
                Tuple.of(2, guards().list().ofMinSize(1).ofMaxSize(2)));
    }

    private static Arbitrary<List<Effect>> effectLists() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.of())),
                Tuple.of(2, effects().list().ofMinSize(1).ofMaxSize(3)));
    }

    // ------------------------------------------------------------------ workflows

    /**
     * Valid workflow drafts (version 0) of 2 to 7 states: every state is reachable from the
     * initial one, there is a CLOSED-category state, and every state can still reach one. Built
     * from a spanning tree out of the initial state, an exit from each non-CLOSED state towards a
     * CLOSED one, and a few extra transitions (some leaving several states, some reopening a
     * CLOSED state, some loops), each
     * with random guards and effects.
     */
    public static Arbitrary<WorkflowDefinition> workflows() {
        return Combinators.combine(workflowIds(), stateNames().list().ofMinSize(2).ofMaxSize(7).uniqueElements())
                .as(Tuple::of)
                .flatMap(t -> workflowOver(t.get1(), t.get2()));
    }

    private static Arbitrary<WorkflowDefinition> workflowOver(String id, List<String> names) {
        int n = names.size();
        int maxTransitions = 2 * n + 2;
        return Combinators.combine(
                        Arbitraries.of(StateCategory.class).list().ofSize(n),
                        Arbitraries.integers().between(0, 10_000).list().ofSize(3 * maxTransitions + 20),
                        transitionNames().list().ofSize(maxTransitions).uniqueElements(),
                        guardLists().list().ofSize(maxTransitions),
                        effectLists().list().ofSize(maxTransitions),
                        Arbitraries.integers().between(0, 3))
                .as((categories, picks, transitionNames, guards, effects, extras) ->
                        connected(id, names, categories, picks, transitionNames, guards, effects, extras));
    }

    private static WorkflowDefinition connected(String id, List<String> names, List<StateCategory> categoriesIn,
                                                List<Integer> picks, List<String> transitionNames,
                                                List<List<Guard>> guards, List<List<Effect>> effects, int extras) {
        int n = names.size();
        List<StateCategory> categories = new ArrayList<>(categoriesIn);
        categories.set(n - 1, StateCategory.CLOSED); // at least one state where tickets can finish
        List<StateDefinition> states = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            states.add(new StateDefinition(names.get(i), categories.get(i)));
            if (categories.get(i) == StateCategory.CLOSED) {
                closed.add(names.get(i));
            }
        }
        Iterator<Integer> pick = picks.iterator();
        List<TransitionDefinition> transitions = new ArrayList<>();
        for (int i = 1; i < n; i++) { // spanning tree: every state reachable from the initial one
            String from = names.get(pick.next() % i);
            transitions.add(transition(transitions.size(), transitionNames, guards, effects, List.of(from), names.get(i)));
        }
        for (int i = 0; i < n; i++) { // every open-ended state has a way towards closing
            if (categories.get(i) != StateCategory.CLOSED) {
                String to = closed.get(pick.next() % closed.size());
                transitions.add(transition(transitions.size(), transitionNames, guards, effects,
                        List.of(names.get(i)), to));
            }
        }
        for (int k = 0; k < extras; k++) {
            // half of the extras leave a CLOSED state (a "reopen"), so tickets are not always stuck at the end
            String first = pick.next() % 2 == 0 ? closed.get(pick.next() % closed.size()) : names.get(pick.next() % n);
            List<String> from = new ArrayList<>(List.of(first));
            String second = names.get(pick.next() % n);
            if (pick.next() % 2 == 0 && !from.contains(second)) {
                from.add(second);
            }
            transitions.add(transition(transitions.size(), transitionNames, guards, effects, from,
                    names.get(pick.next() % n)));
        }
        return new WorkflowDefinition(id, 0, names.get(0), states, transitions);
    }

    private static TransitionDefinition transition(int index, List<String> names, List<List<Guard>> guards,
                                                   List<List<Effect>> effects, List<String> from, String to) {
        return new TransitionDefinition(names.get(index), from, to, guards.get(index), effects.get(index));
    }

    /**
     * Valid workflows as {@link #workflows()}, with one more state that no transition leads into,
     * inserted at a random position (never the initial state); it may or may not have a way out.
     * Its name ({@code Orphan_...}, mixed case) cannot clash with generated state names.
     */
    public static Arbitrary<UnreachableStateCase> workflowsWithUnreachableState() {
        return Combinators.combine(workflows(), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                                .ofMaxLength(6), Arbitraries.of(StateCategory.class), Arbitraries.integers().between(0, 100),
                        Arbitraries.of(true, false))
                .as((valid, suffix, category, position, withExit) -> {
                    String orphan = "Orphan_" + suffix;
                    List<StateDefinition> states = new ArrayList<>(valid.states());
                    states.add(1 + position % states.size(), new StateDefinition(orphan, category));
                    List<TransitionDefinition> transitions = new ArrayList<>(valid.transitions());
                    if (withExit) {
                        String closedState = valid.states().stream().filter(s -> s.category() == StateCategory.CLOSED)
                                .findFirst().orElseThrow().name();
                        transitions.add(new TransitionDefinition("orphan.exit", List.of(orphan), closedState, List.of(),
                                List.of()));
                    }
                    return new UnreachableStateCase(new WorkflowDefinition(valid.id(), 0, valid.initialState(), states,
                            transitions), orphan);
                });
    }

    // ------------------------------------------------------------------ types and field values

    /**
     * Optional custom fields of every kind, some with constraints (size, min/max, allowed values),
     * named {@code extra<n>}-style so they never clash with {@link #WORKFLOW_FIELDS}.
     */
    public static Arbitrary<FieldDefinition> fieldDefinitions() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(s -> "x" + s);
        Arbitrary<FieldDefinition> text = Arbitraries.oneOf(
                names.map(FieldDefinition::text),
                Combinators.combine(names, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 20))
                        .as((n, min, extra) -> FieldDefinition.text(n).size(min, min + extra)));
        Arbitrary<FieldDefinition> number = Arbitraries.oneOf(
                names.map(FieldDefinition::number),
                Combinators.combine(names, Arbitraries.longs().between(-1_000, 3_000), Arbitraries.longs().between(0, 500))
                        .as((n, min, span) -> FieldDefinition.number(n).min(min).max(min + span)));
        Arbitrary<FieldDefinition> choice = Combinators.combine(names,
                        Arbitraries.of("loan", "rental", "other", "kyllä", "ei").set().ofMinSize(1).ofMaxSize(4))
                .as((n, allowed) -> FieldDefinition.choice(n, allowed.toArray(String[]::new)));
        return Arbitraries.oneOf(text, number, choice, names.map(FieldDefinition::date),
                names.map(FieldDefinition::bool), names.map(FieldDefinition::contact));
    }

    /**
     * Ticket types for {@code workflow}: they declare every field of {@link #WORKFLOW_FIELDS} (as
     * optional text) and up to three more optional fields of random kinds.
     */
    public static Arbitrary<TicketType> ticketTypes(WorkflowDefinition workflow) {
        return fieldDefinitions().list().ofMaxSize(3).uniqueElements(FieldDefinition::name)
                .map(extra -> {
                    List<FieldDefinition> fields = new ArrayList<>();
                    WORKFLOW_FIELDS.forEach(f -> fields.add(FieldDefinition.text(f)));
                    fields.addAll(extra);
                    return new TicketType("generated", TeamId.of("testkit"), "GEN", "Generated type", workflow.id(),
                            fields);
                });
    }

    /**
     * Raw values a host could pass for {@code field} that it accepts: of the right kind (in any
     * of the Java types the kind accepts, e.g. {@code Integer}, {@code Long}, {@code BigDecimal} or
     * numeric text for numbers) and within its size, min/max and allowed-values constraints. A
     * {@code Pattern} constraint is met by filtering, so keep such patterns permissive.
     */
    public static Arbitrary<Object> fieldValues(FieldDefinition field) {
        Arbitrary<Object> values = switch (field.kind()) {
            case TEXT -> textValues(field);
            case NUMBER -> numberValues(field);
            case DATE -> Arbitraries.integers().between(0, 3_650).map(d -> LocalDate.of(2020, 1, 1).plusDays(d))
                    .flatMap(d -> Arbitraries.of((Object) d, d.toString()));
            case BOOLEAN -> Arbitraries.of(Boolean.TRUE, Boolean.FALSE, "true", "false");
            case ENUM -> Arbitraries.of(allowed(field).orElse(Set.of("")).stream().map(v -> (Object) v).toList());
            case CONTACT -> contactIds().flatMap(c -> Arbitraries.of((Object) c, c.toString()));
        };
        return values.filter(v -> field.constraints().stream().allMatch(c -> field.kind().coerce(v)
                .map(c::check).map(Optional::isEmpty).orElse(false)));
    }

    /** Raw values {@code field} refuses: of the wrong Java type or unparseable for its kind, or outside its allowed values. */
    public static Arbitrary<Object> invalidFieldValues(FieldDefinition field) {
        return switch (field.kind()) {
            case TEXT -> Arbitraries.of(42, true, LocalDate.of(2025, 1, 1));
            case NUMBER -> Arbitraries.of("ei numero", "12,5", true);
            case DATE -> Arbitraries.of("31.12.2024", "2024-13-01", 20_241_231);
            case BOOLEAN -> Arbitraries.of("kyllä", "1", 0);
            case ENUM -> Arbitraries.of("tuntematon", 7);
            case CONTACT -> Arbitraries.of("ei-uuid", 12);
        };
    }

    private static Optional<Set<String>> allowed(FieldDefinition field) {
        return field.constraints().stream().filter(FieldConstraint.AllowedValues.class::isInstance)
                .map(c -> ((FieldConstraint.AllowedValues) c).values()).findFirst();
    }

    private static Arbitrary<Object> textValues(FieldDefinition field) {
        Optional<Set<String>> allowed = allowed(field);
        if (allowed.isPresent()) {
            return Arbitraries.of(allowed.get().stream().map(v -> (Object) v).toList());
        }
        int min = 0;
        int max = 30;
        for (FieldConstraint c : field.constraints()) {
            if (c instanceof FieldConstraint.Size s) {
                min = Math.max(min, s.min());
                max = Math.min(Math.max(max, s.min()), s.max());
            }
        }
        return Arbitraries.strings().alpha().numeric().withChars(" äöÅ-").ofMinLength(min).ofMaxLength(max)
                .map(s -> (Object) s);
    }

    private static Arbitrary<Object> numberValues(FieldDefinition field) {
        long min = -100_000;
        long max = 100_000;
        for (FieldConstraint c : field.constraints()) {
            if (c instanceof FieldConstraint.Min m) {
                min = Math.max(min, m.min().setScale(0, java.math.RoundingMode.CEILING).longValueExact());
            } else if (c instanceof FieldConstraint.Max m) {
                max = Math.min(max, m.max().setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
            }
        }
        return Arbitraries.longs().between(min, max).flatMap(v -> Arbitraries.of(
                (Object) v, BigDecimal.valueOf(v), String.valueOf(v),
                v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) (long) v : (Object) v));
    }

    /** Valid custom field values for a ticket of {@code type}: every mandatory field and some optional ones. */
    public static Arbitrary<Map<String, Object>> customFieldValues(TicketType type) {
        List<Arbitrary<Optional<Map.Entry<String, Object>>>> entries = new ArrayList<>();
        for (FieldDefinition field : type.fields()) {
            Arbitrary<Optional<Map.Entry<String, Object>>> value =
                    fieldValues(field).map(v -> Optional.of(Map.entry(field.name(), v)));
            entries.add(field.mandatory() ? value
                    : Arbitraries.oneOf(value, Arbitraries.just(Optional.empty())));
        }
        return Combinators.combine(entries).as(list -> {
            Map<String, Object> values = new LinkedHashMap<>();
            list.forEach(e -> e.ifPresent(entry -> values.put(entry.getKey(), entry.getValue())));
            return values;
        });
    }

    // ------------------------------------------------------------------ tickets

    /** UUIDs drawn from the property's random source, so failing cases reproduce from their seed. */
    public static Arbitrary<java.util.UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((high, low) -> new java.util.UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L));
    }

    /** Contact ids; see {@link #uuids()}. */
    public static Arbitrary<ContactId> contactIds() {
        return uuids().map(ContactId::new);
    }

    /**
     * Ticket values (as a store holds them) with random keys, states, optional parts, custom
     * field values of every canonical type, and instants of millisecond precision.
     */
    public static Arbitrary<Ticket> tickets() {
        Arbitrary<TicketKey> keys = Combinators.combine(Arbitraries.of("HR", "LASKU", "IT", "ASPA"),
                Arbitraries.longs().between(1, 99_999)).as(TicketKey::new);
        Arbitrary<Optional<Classification>> classifications = Arbitraries.of(
                Optional.<Classification>empty(), Optional.of(Classification.of("Palvelussuhde")),
                Optional.of(Classification.of("Palvelussuhde/Vuosiloma")), Optional.of(Classification.of("Laskutus/Virhe")));
        Arbitrary<Optional<AgentId>> assignees = Arbitraries.of(AGENTS).map(AgentId::new).optional();
        Arbitrary<Instant> instants = Arbitraries.longs().between(1_577_836_800_000L, 1_893_456_000_000L)
                .map(Instant::ofEpochMilli);
        Arbitrary<CustomFields> fields = Arbitraries.maps(Arbitraries.of("leaveYear", "purpose", "neededBy", "urgent",
                        "substitute"), Arbitraries.oneOf(
                        Arbitraries.longs().between(2020, 2100).map(v -> (Object) BigDecimal.valueOf(v)),
                        Arbitraries.of("loan", "rental", "other").map(v -> (Object) v),
                        Arbitraries.integers().between(0, 3650).map(d -> (Object) LocalDate.of(2020, 1, 1).plusDays(d)),
                        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(v -> (Object) v),
                        contactIds().map(v -> (Object) v)))
                .ofMaxSize(5).map(CustomFields::new);
        // Combinators take at most eight arbitraries: group them.
        Arbitrary<Tuple.Tuple4<TicketKey, String, Optional<Classification>, Priority>> what = Combinators.combine(
                keys, stateNames(), classifications, Arbitraries.of(Priority.class)).as(Tuple::of);
        Arbitrary<Tuple.Tuple4<Optional<AgentId>, Channel, String, Optional<String>>> how = Combinators.combine(
                assignees, Arbitraries.of(Channel.class), texts(), texts().optional()).as(Tuple::of);
        Arbitrary<Tuple.Tuple4<CustomFields, Instant, Long, Optional<Instant>>> when = Combinators.combine(
                fields, instants, Arbitraries.longs().between(1, 50), instants.optional()).as(Tuple::of);
        return Combinators.combine(what, how, when, uuids(), contactIds()).as((w, h, t, id, requester) -> new Ticket(
                new TicketId(id), w.get1(),
                "annual-leave", "hr-general", 1, w.get2(), w.get3(), w.get4(), requester, Optional.empty(),
                h.get1(), TeamId.of(w.get1().prefix().toLowerCase(java.util.Locale.ROOT)), h.get2(), h.get3(),
                h.get4(), t.get1(), t.get2(), t.get2().plusSeconds(t.get3() * 60), t.get4(), t.get3()));
    }

    // ------------------------------------------------------------------ transition attempts

    /** Agents from {@link #AGENTS}, each holding any subset of {@link #ROLES} (possibly none). */
    public static Arbitrary<Actor> agents() {
        return Combinators.combine(Arbitraries.of(AGENTS), Arbitraries.subsetOf(ROLES))
                .as((id, roles) -> new Actor(Actor.Kind.AGENT, id, roles));
    }

    /**
     * Random sequences (1 to {@code maxLength}) of attempted transitions on a ticket of
     * {@code type} following {@code workflow}, starting in its initial state; see
     * {@link #transitionAttempts(WorkflowDefinition, TicketType, String, int)}.
     */
    public static Arbitrary<List<WhenTransition>> transitionAttempts(WorkflowDefinition workflow, TicketType type,
                                                                     int maxLength) {
        return transitionAttempts(workflow, type, workflow.initialState(), maxLength);
    }

    /**
     * Random sequences (1 to {@code maxLength}) of attempted transitions on a ticket of
     * {@code type} in state {@code startState} of {@code workflow}. Most attempts name a
     * transition that leaves the state the ticket would be in had every earlier attempt
     * succeeded (so many succeed); the others name any declared transition (usually not
     * available then) or {@link #NO_SUCH_TRANSITION}. Each is taken by an agent with or without
     * the roles guards ask for, by the requester, or by the system; with or without a
     * resolution; with no fields, valid values, invalid values, or a field the type does not
     * declare.
     */
    public static Arbitrary<List<WhenTransition>> transitionAttempts(WorkflowDefinition workflow, TicketType type,
                                                                     String startState, int maxLength) {
        if (workflow.state(startState).isEmpty()) {
            throw new IllegalArgumentException("state '" + startState + "' is not a state of workflow '"
                    + workflow.id() + "'");
        }
        return Combinators.combine(transitionAttempt(workflow, type).list().ofMinSize(1).ofMaxSize(maxLength),
                        Arbitraries.integers().between(0, 10_000).list().ofSize(maxLength))
                .as((attempts, picks) -> {
                    List<WhenTransition> steered = new ArrayList<>();
                    String state = startState;
                    for (int i = 0; i < attempts.size(); i++) {
                        WhenTransition attempt = attempts.get(i);
                        List<TransitionDefinition> out = workflow.transitionsFrom(state);
                        if (picks.get(i) % 4 != 3 && !out.isEmpty() && !attempt.name().equals(NO_SUCH_TRANSITION)) {
                            TransitionDefinition next = out.get(picks.get(i) / 4 % out.size());
                            attempt = new WhenTransition(next.name(), attempt.actor(), attempt.requesterActs(),
                                    attempt.resolution(), attempt.fields());
                            state = next.to();
                        }
                        steered.add(attempt);
                    }
                    return steered;
                });
    }

    /** One attempt, as described at {@link #transitionAttempts}. */
    public static Arbitrary<WhenTransition> transitionAttempt(WorkflowDefinition workflow, TicketType type) {
        List<String> declared = workflow.transitions().stream().map(TransitionDefinition::name).toList();
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(declared)),
                Tuple.of(1, Arbitraries.just(NO_SUCH_TRANSITION)));
        Arbitrary<WhenTransition> who = names.flatMap(name -> Arbitraries.frequencyOf(
                Tuple.of(6, agents().map(a -> WhenTransition.named(name).by(a))),
                Tuple.of(1, Arbitraries.just(WhenTransition.named(name).byRequester())),
                Tuple.of(1, Arbitraries.just(WhenTransition.named(name)))));
        Arbitrary<Optional<String>> resolutions = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, texts().map(Optional::of)));
        Arbitrary<Map<String, Object>> fields = attemptFields(type);
        return Combinators.combine(who, resolutions, fields).as((attempt, resolution, values) -> {
            WhenTransition result = resolution.map(attempt::withResolution).orElse(attempt);
            for (Map.Entry<String, Object> e : values.entrySet()) {
                result = result.withField(e.getKey(), e.getValue());
            }
            return result;
        });
    }

    private static Arbitrary<Map<String, Object>> attemptFields(TicketType type) {
        if (type.fields().isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Map.of())),
                    Tuple.of(1, Arbitraries.just(Map.of("undeclared", "x"))));
        }
        Arbitrary<FieldDefinition> field = Arbitraries.of(type.fields());
        Arbitrary<Map<String, Object>> valid = field.flatMap(f -> fieldValues(f).map(v -> Map.of(f.name(), v)));
        Arbitrary<Map<String, Object>> invalid = field.flatMap(f -> invalidFieldValues(f).map(v -> Map.of(f.name(), v)));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Map.of())),
                Tuple.of(3, valid),
                Tuple.of(1, invalid),
                Tuple.of(1, Arbitraries.just(Map.of("undeclared", "x"))));
    }
}
