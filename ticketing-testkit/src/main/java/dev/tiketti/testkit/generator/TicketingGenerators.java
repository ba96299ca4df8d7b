package dev.tiketti.testkit.generator;

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
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.WhenTransition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded random values of Tiketti's domain for property tests of workflows (the engine's and a
 * host's own) and of storage adapters, with any property-testing library or none. Every method
 * draws only from the {@link RandomGenerator} it is given, so the same seed gives the same value:
 *
 * <pre>{@code
 * // plain JUnit 5: a stream from a seed
 * TicketingGenerators.stream(42L, TicketingGenerators::workflow).limit(100).forEach(w -> ...);
 *
 * // any library that can hand out a RandomGenerator (java.util.Random and SplittableRandom are ones)
 * WorkflowDefinition w = TicketingGenerators.workflow(new SplittableRandom(seed));
 * }</pre>
 *
 * <p>The methods ask the generator only for {@code nextInt(bound)}, {@code nextInt(origin, bound)},
 * {@code nextLong(origin, bound)}, {@code nextLong()} and {@code nextBoolean()}, each choice as a
 * small number counted from the simplest option. A library that shrinks the numbers it hands out
 * towards their lower bound (QuickTheories does, through a {@code RandomGenerator} over its
 * randomness source) therefore shrinks generated values towards small workflows, short lists and
 * the first option of each choice.
 *
 * <p>Generated workflows only name fields from {@link #WORKFLOW_FIELDS} and roles from
 * {@link #ROLES}, so {@link #ticketType} can always declare what they need and
 * {@link #transitionAttempts} can produce actors who sometimes do and sometimes do not hold the
 * roles guards ask for. All text is invented (Finnish-flavoured, with characters JSON must
 * escape); no real personal data.
 *
 * @since 0.1
 */
public final class TicketingGenerators {
    /** The roles generated guards ask for and generated agents hold (some of). */
    public static final List<String> ROLES = List.of("hr", "hr-lead", "billing");
    /** The text fields generated guards and {@code setField} effects name. */
    public static final List<String> WORKFLOW_FIELDS = List.of("reference", "decision");
    /** The agent ids generated actors and assignments use. */
    public static final List<String> AGENTS = List.of("maija", "pekka", "leena");
    /** A transition name no generated workflow has: attempts use it to try the impossible. */
    public static final String NO_SUCH_TRANSITION = "no-such.transition";

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String TEXT_CHARS = UPPER + LOWER + DIGITS + " äöåÄÖÅ.,:;!?{}\"\\/€\n\t";
    private static final String FIELD_TEXT_CHARS = UPPER + LOWER + DIGITS + " äöÅ-";
    /** Attempts at a value that meets a field's constraints before {@link #fieldValue} gives up. */
    private static final int VALUE_ATTEMPTS = 1000;

    private TicketingGenerators() {
    }

    // ------------------------------------------------------------------ seeds and streams

    /**
     * An endless stream of values of {@code generator}, element {@code i} drawn from
     * {@link #random(long, long) random(seed, i)}: the same seed gives the same stream, and any one
     * element can be drawn again alone. Use it with {@code limit(n)}, e.g. in a JUnit 5
     * {@code @MethodSource}.
     */
    public static <T> Stream<T> stream(long seed, Function<? super RandomGenerator, ? extends T> generator) {
        Objects.requireNonNull(generator, "generator");
        return LongStream.iterate(0, i -> i + 1).mapToObj(i -> generator.apply(random(seed, i)));
    }

    /** The random source of element {@code index} of {@link #stream(long, Function) stream(seed, ...)}. */
    public static RandomGenerator random(long seed, long index) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
    }

    /** {@link #workflow Workflows} from a seed; see {@link #stream(long, Function)}. */
    public static Stream<WorkflowDefinition> workflows(long seed) {
        return stream(seed, TicketingGenerators::workflow);
    }

    // ------------------------------------------------------------------ names and text

    /** A state name such as {@code OPEN} or {@code W_2}: an upper-case letter, then up to 11 of A-Z, 0-9, '_'. */
    public static String stateName(RandomGenerator random) {
        return pick(random, UPPER) + chars(random, UPPER + DIGITS + "_", 0, 11);
    }

    /** A transition name such as {@code start} or {@code ask-2}: a lower-case letter, then up to 11 of a-z, 0-9, '-'. */
    public static String transitionName(RandomGenerator random) {
        return pick(random, LOWER) + chars(random, LOWER + DIGITS + "-", 0, 11);
    }

    /** A workflow id such as {@code hr-general}. */
    public static String workflowId(RandomGenerator random) {
        return transitionName(random);
    }

    /** Non-blank free text of 1 to 40 characters, with Finnish letters and characters JSON must escape. */
    public static String text(RandomGenerator random) {
        while (true) {
            String text = chars(random, TEXT_CHARS, 1, 40);
            if (!text.isBlank()) {
                return text;
            }
        }
    }

    // ------------------------------------------------------------------ guards and effects

    /** Any guard; field and role guards name {@link #WORKFLOW_FIELDS} and {@link #ROLES}. */
    public static Guard guard(RandomGenerator random) {
        return switch (random.nextInt(5)) {
            case 0 -> Guard.resolutionRequired();
            case 1 -> Guard.fieldRequired(pick(random, WORKFLOW_FIELDS));
            case 2 -> Guard.actorHasRole(pick(random, ROLES));
            case 3 -> Guard.requesterAssurance(pick(random, AssuranceLevel.values()));
            default -> Guard.assigneeRequired();
        };
    }

    /** Any effect; {@code setField} names one of {@link #WORKFLOW_FIELDS} (text fields, so any value fits). */
    public static Effect effect(RandomGenerator random) {
        return switch (random.nextInt(6)) {
            case 0 -> Effect.setField(pick(random, WORKFLOW_FIELDS), text(random));
            case 1 -> Effect.assignToActor();
            case 2 -> Effect.assignTo(pick(random, AGENTS));
            case 3 -> Effect.unassign();
            case 4 -> Effect.addNote(text(random));
            default -> Effect.notify(pick(random, Effect.Notify.Recipient.values()), text(random));
        };
    }

    /** No guard three times in five, else one or two. */
    private static List<Guard> guards(RandomGenerator random) {
        if (random.nextInt(5) < 3) {
            return List.of();
        }
        return list(random, 1, 2, TicketingGenerators::guard);
    }

    /** No effect half the time, else one to three. */
    private static List<Effect> effects(RandomGenerator random) {
        if (random.nextBoolean()) {
            return List.of();
        }
        return list(random, 1, 3, TicketingGenerators::effect);
    }

    // ------------------------------------------------------------------ workflows

    /**
     * A valid workflow draft (version 0) of 2 to 7 states: every state is reachable from the
     * initial one, there is a CLOSED-category state, and every state can still reach one. Built
     * from a spanning tree out of the initial state, an exit from each non-CLOSED state towards a
     * CLOSED one, and up to three extra transitions (some leaving several states, some reopening a
     * CLOSED state, some loops), each with random guards and effects.
     */
    public static WorkflowDefinition workflow(RandomGenerator random) {
        String id = workflowId(random);
        int n = random.nextInt(2, 8);
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < n) {
            unique.add(stateName(random));
        }
        List<String> names = List.copyOf(unique);
        List<StateCategory> categories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            categories.add(pick(random, StateCategory.values()));
        }
        categories.set(n - 1, StateCategory.CLOSED); // at least one state where tickets can finish
        List<StateDefinition> states = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            states.add(new StateDefinition(names.get(i), categories.get(i)));
            if (categories.get(i) == StateCategory.CLOSED) {
                closed.add(names.get(i));
            }
        }
        Set<String> transitionNames = new HashSet<>();
        List<TransitionDefinition> transitions = new ArrayList<>();
        for (int i = 1; i < n; i++) { // spanning tree: every state reachable from the initial one
            String from = names.get(random.nextInt(i));
            transitions.add(transition(random, transitionNames, List.of(from), names.get(i)));
        }
        for (int i = 0; i < n; i++) { // every open-ended state has a way towards closing
            if (categories.get(i) != StateCategory.CLOSED) {
                transitions.add(transition(random, transitionNames, List.of(names.get(i)), pick(random, closed)));
            }
        }
        int extras = random.nextInt(4);
        for (int k = 0; k < extras; k++) {
            // half of the extras leave a CLOSED state (a "reopen"), so tickets are not always stuck at the end
            String first = random.nextBoolean() ? pick(random, closed) : pick(random, names);
            List<String> from = new ArrayList<>(List.of(first));
            String second = pick(random, names);
            if (random.nextBoolean() && !from.contains(second)) {
                from.add(second);
            }
            transitions.add(transition(random, transitionNames, from, pick(random, names)));
        }
        return new WorkflowDefinition(id, 0, names.get(0), states, transitions);
    }

    private static TransitionDefinition transition(RandomGenerator random, Set<String> taken, List<String> from,
                                                   String to) {
        String name = transitionName(random);
        while (!taken.add(name)) {
            name = transitionName(random);
        }
        return new TransitionDefinition(name, from, to, guards(random), effects(random));
    }

    /**
     * A valid workflow as {@link #workflow}, with one more state that no transition leads into,
     * inserted at a random position (never the initial state); it may or may not have a way out.
     * Its name ({@code Orphan_...}, mixed case) cannot clash with generated state names.
     */
    public static UnreachableStateCase workflowWithUnreachableState(RandomGenerator random) {
        WorkflowDefinition valid = workflow(random);
        String orphan = "Orphan_" + chars(random, LOWER, 1, 6);
        List<StateDefinition> states = new ArrayList<>(valid.states());
        states.add(1 + random.nextInt(states.size()), new StateDefinition(orphan, pick(random, StateCategory.values())));
        List<TransitionDefinition> transitions = new ArrayList<>(valid.transitions());
        if (random.nextBoolean()) {
            String closedState = valid.states().stream().filter(s -> s.category() == StateCategory.CLOSED)
                    .findFirst().orElseThrow().name();
            transitions.add(new TransitionDefinition("orphan.exit", List.of(orphan), closedState, List.of(),
                    List.of()));
        }
        return new UnreachableStateCase(new WorkflowDefinition(valid.id(), 0, valid.initialState(), states,
                transitions), orphan);
    }

    // ------------------------------------------------------------------ types and field values

    /**
     * An optional custom field of any kind, perhaps with constraints (size, min/max, allowed
     * values), named {@code x<letters>} so that it never clashes with {@link #WORKFLOW_FIELDS}.
     */
    public static FieldDefinition fieldDefinition(RandomGenerator random) {
        String name = "x" + chars(random, LOWER, 1, 8);
        return switch (random.nextInt(6)) {
            case 0 -> random.nextBoolean() ? FieldDefinition.text(name) : sizedText(random, name);
            case 1 -> random.nextBoolean() ? FieldDefinition.number(name) : boundedNumber(random, name);
            case 2 -> FieldDefinition.choice(name, subset(random, List.of("loan", "rental", "other", "kyllä", "ei"), 1, 4)
                    .toArray(String[]::new));
            case 3 -> FieldDefinition.date(name);
            case 4 -> FieldDefinition.bool(name);
            default -> FieldDefinition.contact(name);
        };
    }

    private static FieldDefinition sizedText(RandomGenerator random, String name) {
        int min = random.nextInt(6);
        return FieldDefinition.text(name).size(min, min + random.nextInt(21));
    }

    private static FieldDefinition boundedNumber(RandomGenerator random, String name) {
        long min = random.nextLong(-1_000, 3_001);
        return FieldDefinition.number(name).min(min).max(min + random.nextLong(0, 501));
    }

    /**
     * A ticket type for {@code workflow}: it declares every field of {@link #WORKFLOW_FIELDS} (as
     * optional text) and up to three more optional fields of random kinds, of distinct names.
     */
    public static TicketType ticketType(RandomGenerator random, WorkflowDefinition workflow) {
        Objects.requireNonNull(workflow, "workflow");
        Map<String, FieldDefinition> extra = new LinkedHashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            FieldDefinition f = fieldDefinition(random);
            extra.putIfAbsent(f.name(), f);
        }
        List<FieldDefinition> fields = new ArrayList<>();
        WORKFLOW_FIELDS.forEach(f -> fields.add(FieldDefinition.text(f)));
        fields.addAll(extra.values());
        return new TicketType("generated", TeamId.of("testkit"), "GEN", "Generated type", workflow.id(), fields);
    }

    /**
     * A raw value a host could pass for {@code field} that it accepts: of the right kind (in any of
     * the Java types the kind accepts, e.g. {@code Integer}, {@code Long}, {@code BigDecimal} or
     * numeric text for numbers) and within its size, min/max and allowed-values constraints. A
     * {@code Pattern} constraint is met by drawing again (up to 1000 times), so keep such patterns
     * permissive.
     *
     * @throws IllegalStateException if no drawn value met the field's constraints
     */
    public static Object fieldValue(RandomGenerator random, FieldDefinition field) {
        Objects.requireNonNull(field, "field");
        for (int attempt = 0; attempt < VALUE_ATTEMPTS; attempt++) {
            Object value = anyValueOfKind(random, field);
            if (field.constraints().stream().allMatch(c -> field.kind().coerce(value).map(c::check)
                    .map(Optional::isEmpty).orElse(false))) {
                return value;
            }
        }
        throw new IllegalStateException("no value drawn for field '" + field.name() + "' met its constraints "
                + field.constraints() + " in " + VALUE_ATTEMPTS + " attempts: make its Pattern more permissive");
    }

    private static Object anyValueOfKind(RandomGenerator random, FieldDefinition field) {
        return switch (field.kind()) {
            case TEXT -> textValue(random, field);
            case NUMBER -> numberValue(random, field);
            case DATE -> {
                LocalDate d = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_651));
                yield random.nextBoolean() ? d : d.toString();
            }
            case BOOLEAN -> pick(random, List.<Object>of(Boolean.TRUE, Boolean.FALSE, "true", "false"));
            case ENUM -> pick(random, List.<Object>copyOf(allowed(field).orElse(Set.of(""))));
            case CONTACT -> {
                ContactId c = contactId(random);
                yield random.nextBoolean() ? c : c.toString();
            }
        };
    }

    /** A raw value {@code field} refuses: of the wrong Java type or unparseable for its kind, or outside its allowed values. */
    public static Object invalidFieldValue(RandomGenerator random, FieldDefinition field) {
        Objects.requireNonNull(field, "field");
        List<Object> refused = switch (field.kind()) {
            case TEXT -> List.of(42, true, LocalDate.of(2025, 1, 1));
            case NUMBER -> List.of("ei numero", "12,5", true);
            case DATE -> List.of("31.12.2024", "2024-13-01", 20_241_231);
            case BOOLEAN -> List.of("kyllä", "1", 0);
            case ENUM -> List.of("tuntematon", 7);
            case CONTACT -> List.of("ei-uuid", 12);
        };
        return pick(random, refused);
    }

    private static Optional<Set<String>> allowed(FieldDefinition field) {
        return field.constraints().stream().filter(FieldConstraint.AllowedValues.class::isInstance)
                .map(c -> ((FieldConstraint.AllowedValues) c).values()).findFirst();
    }

    private static Object textValue(RandomGenerator random, FieldDefinition field) {
        Optional<Set<String>> allowed = allowed(field);
        if (allowed.isPresent()) {
            return pick(random, List.copyOf(allowed.get()));
        }
        int min = 0;
        int max = 30;
        for (FieldConstraint c : field.constraints()) {
            if (c instanceof FieldConstraint.Size s) {
                min = Math.max(min, s.min());
                max = Math.min(Math.max(max, s.min()), s.max());
            }
        }
        return chars(random, FIELD_TEXT_CHARS, min, max);
    }

    private static Object numberValue(RandomGenerator random, FieldDefinition field) {
        long min = -100_000;
        long max = 100_000;
        for (FieldConstraint c : field.constraints()) {
            if (c instanceof FieldConstraint.Min m) {
                min = Math.max(min, m.min().setScale(0, RoundingMode.CEILING).longValueExact());
            } else if (c instanceof FieldConstraint.Max m) {
                max = Math.min(max, m.max().setScale(0, RoundingMode.FLOOR).longValueExact());
            }
        }
        long v = random.nextLong(min, max + 1);
        return switch (random.nextInt(4)) {
            case 0 -> v;
            case 1 -> BigDecimal.valueOf(v);
            case 2 -> String.valueOf(v);
            default -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        };
    }

    /** Valid custom field values for a ticket of {@code type}: every mandatory field and about half of the optional ones. */
    public static Map<String, Object> customFieldValues(RandomGenerator random, TicketType type) {
        Objects.requireNonNull(type, "type");
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : type.fields()) {
            if (field.mandatory() || random.nextBoolean()) {
                values.put(field.name(), fieldValue(random, field));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ tickets

    /** A random (version 4) UUID drawn from {@code random}, so that it reproduces from the seed. */
    public static UUID uuid(RandomGenerator random) {
        long high = random.nextLong();
        long low = random.nextLong();
        return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** A contact id; see {@link #uuid}. */
    public static ContactId contactId(RandomGenerator random) {
        return new ContactId(uuid(random));
    }

    /**
     * A ticket value (as a store holds it) with a random key, state, optional parts, custom field
     * values of every canonical type, and instants of millisecond precision.
     */
    public static Ticket ticket(RandomGenerator random) {
        TicketKey key = new TicketKey(pick(random, List.of("HR", "LASKU", "IT", "ASPA")), random.nextLong(1, 100_000));
        String state = stateName(random);
        Optional<Classification> classification = pick(random, List.of(Optional.<Classification>empty(),
                Optional.of(Classification.of("Palvelussuhde")), Optional.of(Classification.of("Palvelussuhde/Vuosiloma")),
                Optional.of(Classification.of("Laskutus/Virhe"))));
        Priority priority = pick(random, Priority.values());
        Optional<AgentId> assignee = random.nextInt(4) == 0 ? Optional.empty()
                : Optional.of(new AgentId(pick(random, AGENTS)));
        Channel channel = pick(random, Channel.values());
        String subject = text(random);
        Optional<String> body = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(text(random));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : subset(random, List.of("leaveYear", "purpose", "neededBy", "urgent", "substitute"), 0, 5)) {
            fields.put(name, switch (random.nextInt(5)) {
                case 0 -> BigDecimal.valueOf(random.nextLong(2020, 2101));
                case 1 -> pick(random, List.of("loan", "rental", "other"));
                case 2 -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_651));
                case 3 -> random.nextBoolean();
                default -> contactId(random);
            });
        }
        Instant created = instant(random);
        long version = random.nextLong(1, 51);
        Optional<Instant> slaDue = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(instant(random));
        TicketId id = new TicketId(uuid(random));
        ContactId requester = contactId(random);
        return new Ticket(id, key, "annual-leave", "hr-general", 1, state, classification, priority, requester,
                Optional.empty(), assignee, TeamId.of(key.prefix().toLowerCase(Locale.ROOT)), channel, subject, body,
                new CustomFields(fields), created, created.plusSeconds(version * 60), slaDue, version);
    }

    /** An instant in 2020-2029, to the millisecond. */
    private static Instant instant(RandomGenerator random) {
        return Instant.ofEpochMilli(random.nextLong(1_577_836_800_000L, 1_893_456_000_001L));
    }

    // ------------------------------------------------------------------ transition attempts

    /** An agent from {@link #AGENTS} holding any subset of {@link #ROLES} (possibly none). */
    public static Actor agent(RandomGenerator random) {
        return new Actor(Actor.Kind.AGENT, pick(random, AGENTS), Set.copyOf(subset(random, ROLES, 0, ROLES.size())));
    }

    /**
     * A random sequence (1 to {@code maxLength}) of attempted transitions on a ticket of
     * {@code type} following {@code workflow}, starting in its initial state; see
     * {@link #transitionAttempts(RandomGenerator, WorkflowDefinition, TicketType, String, int)}.
     */
    public static List<WhenTransition> transitionAttempts(RandomGenerator random, WorkflowDefinition workflow,
                                                          TicketType type, int maxLength) {
        return transitionAttempts(random, workflow, type, workflow.initialState(), maxLength);
    }

    /**
     * A random sequence (1 to {@code maxLength}) of attempted transitions on a ticket of
     * {@code type} in state {@code startState} of {@code workflow}. Three attempts in four name a
     * transition that leaves the state the ticket would be in had every earlier attempt succeeded
     * (so many succeed); the others name any declared transition (usually not available then) or
     * {@link #NO_SUCH_TRANSITION}. Each is taken by an agent with or without the roles guards ask
     * for, by the requester, or by the system; with or without a resolution; with no fields, valid
     * values, invalid values, or a field the type does not declare.
     */
    public static List<WhenTransition> transitionAttempts(RandomGenerator random, WorkflowDefinition workflow,
                                                          TicketType type, String startState, int maxLength) {
        Objects.requireNonNull(workflow, "workflow");
        if (workflow.state(startState).isEmpty()) {
            throw new IllegalArgumentException("state '" + startState + "' is not a state of workflow '"
                    + workflow.id() + "'");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        int length = random.nextInt(1, maxLength + 1);
        List<WhenTransition> steered = new ArrayList<>();
        String state = startState;
        for (int i = 0; i < length; i++) {
            WhenTransition attempt = transitionAttempt(random, workflow, type);
            int pick = random.nextInt(10_001);
            List<TransitionDefinition> out = workflow.transitionsFrom(state);
            if (pick % 4 != 3 && !out.isEmpty() && !attempt.name().equals(NO_SUCH_TRANSITION)) {
                TransitionDefinition next = out.get(pick / 4 % out.size());
                attempt = new WhenTransition(next.name(), attempt.actor(), attempt.requesterActs(),
                        attempt.resolution(), attempt.fields());
                state = next.to();
            }
            steered.add(attempt);
        }
        return steered;
    }

    /** One attempt, as described at {@link #transitionAttempts(RandomGenerator, WorkflowDefinition, TicketType, String, int)}. */
    public static WhenTransition transitionAttempt(RandomGenerator random, WorkflowDefinition workflow,
                                                   TicketType type) {
        Objects.requireNonNull(type, "type");
        List<String> declared = workflow.transitions().stream().map(TransitionDefinition::name).toList();
        String name = random.nextInt(9) < 8 ? pick(random, declared) : NO_SUCH_TRANSITION;
        int who = random.nextInt(8);
        WhenTransition attempt = who < 6 ? WhenTransition.named(name).by(agent(random))
                : who == 6 ? WhenTransition.named(name).byRequester() : WhenTransition.named(name);
        if (random.nextBoolean()) {
            attempt = attempt.withResolution(text(random));
        }
        for (Map.Entry<String, Object> e : attemptFields(random, type).entrySet()) {
            attempt = attempt.withField(e.getKey(), e.getValue());
        }
        return attempt;
    }

    private static Map<String, Object> attemptFields(RandomGenerator random, TicketType type) {
        if (type.fields().isEmpty()) {
            return random.nextInt(5) < 4 ? Map.of() : Map.of("undeclared", "x");
        }
        int kind = random.nextInt(9);
        if (kind < 4) {
            return Map.of();
        } else if (kind < 8) {
            FieldDefinition field = pick(random, type.fields());
            return Map.of(field.name(), kind < 7 ? fieldValue(random, field) : invalidFieldValue(random, field));
        }
        return Map.of("undeclared", "x");
    }

    // ------------------------------------------------------------------ helpers

    private static <T> T pick(RandomGenerator random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static <T> T pick(RandomGenerator random, T[] from) {
        return from[random.nextInt(from.length)];
    }

    private static char pick(RandomGenerator random, String from) {
        return from.charAt(random.nextInt(from.length()));
    }

    private static String chars(RandomGenerator random, String alphabet, int min, int max) {
        int length = random.nextInt(min, max + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(pick(random, alphabet));
        }
        return s.toString();
    }

    private static <T> List<T> list(RandomGenerator random, int min, int max, Function<RandomGenerator, T> element) {
        int size = random.nextInt(min, max + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }

    /** A subset of {@code of} of {@code min} to {@code max} elements, in the order of {@code of}. */
    private static <T> List<T> subset(RandomGenerator random, List<T> of, int min, int max) {
        List<T> left = new ArrayList<>(of);
        List<T> chosen = new ArrayList<>();
        int size = random.nextInt(min, max + 1);
        for (int i = 0; i < size; i++) {
            chosen.add(left.remove(random.nextInt(left.size())));
        }
        chosen.sort((a, b) -> Integer.compare(of.indexOf(a), of.indexOf(b)));
        return chosen;
    }
}
