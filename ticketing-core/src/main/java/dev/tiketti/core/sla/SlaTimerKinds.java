package dev.tiketti.core.sla;

/**
 * The timer kinds {@code Ticketing} schedules and handles. Timer ids are
 * {@code TimerId.forTicket(kind, ticket, qualifier)} with the qualifiers below, so each
 * (ticket, target, threshold) has exactly one timer.
 *
 * @since 0.1
 */
public final class SlaTimerKinds {
    /** A warning threshold of a target; qualifier {@code <target>/<percent>}, e.g. {@code first-response/75}. */
    public static final TimerKind WARNING = TimerKind.of("sla.warning");
    /** The breach of a target, just after its due instant; qualifier {@code <target>}. */
    public static final TimerKind BREACH = TimerKind.of("sla.breach");
    /** A breach notification held back until the calendar opens; qualifier {@code <target>}. */
    public static final TimerKind BREACH_NOTICE = TimerKind.of("sla.breach-notice");
    /** A reminder rule; qualifier {@code <rule name>}. */
    public static final TimerKind REMINDER = TimerKind.of("sla.reminder");
    /**
     * A warning, reminder or breach notice that fell due outside business hours, held back until the
     * next opening; qualifier {@code <kind>/<qualifier of the deferred timer>}, e.g.
     * {@code sla.warning/first-response/75}.
     */
    public static final TimerKind DEFERRED = TimerKind.of("sla.deferred");

    private SlaTimerKinds() {
    }

    /** The qualifier of a target in timer ids: {@code FIRST_RESPONSE} → {@code first-response}. */
    public static String qualifier(SlaTarget target) {
        return target.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
