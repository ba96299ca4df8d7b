package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.sla.SlaTimerKinds;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryEntry;
import java.time.Instant;
import java.util.List;

/**
 * The SLA ledger in a ticket's history: every warning, breach, breach notice and reminder that
 * takes effect is recorded as an {@code UPDATED} entry by {@link Actor#system()} with a field
 * {@code sla.<target>} or {@code reminder.<rule>}. That entry makes each timer handler idempotent
 * per (timer, due instant), also across nodes sharing the stores: a re-delivered timer finds its
 * entry and does nothing, and the scheduler arms no timer whose entry is already there. Not API.
 */
final class SlaLedger {
    private SlaLedger() {
    }

    static String field(SlaTarget target) {
        return "sla." + SlaTimerKinds.qualifier(target);
    }

    static String warningMarker(int percent, Instant crossedAt) {
        return "warning " + percent + "% reached " + crossedAt;
    }

    static String breachMarker(Instant due) {
        return "breached " + due;
    }

    static String noticeMarker(Instant due) {
        return "breach notice sent, breached " + due;
    }

    static String reminderField(ReminderRule rule) {
        return "reminder." + rule.name();
    }

    static String reminderMarker(Instant since) {
        return "due, condition holds since " + since;
    }

    static boolean recorded(List<HistoryEntry> history, String field, String marker) {
        for (HistoryEntry h : history) {
            if (h.actor().kind() == Actor.Kind.SYSTEM) {
                for (FieldChange c : h.changes()) {
                    if (c.field().equals(field) && c.to().map(marker::equals).orElse(false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
