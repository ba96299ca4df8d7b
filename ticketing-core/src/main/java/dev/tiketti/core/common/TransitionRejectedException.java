package dev.tiketti.core.common;

import java.util.List;

/**
 * Guards refused a transition; nothing changed. {@link #reasons()} holds one sentence per
 * refusing guard, meant to be shown to the person who tried.
 *
 * @since 0.1
 */
public class TransitionRejectedException extends TicketingException {
    private static final long serialVersionUID = 1L;
    private final List<String> reasons;

    public TransitionRejectedException(String transition, TicketKey key, List<String> reasons) {
        super(ErrorCode.TRANSITION_DENIED, CommonMessages.transitionRefused(transition, key, reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** With the exception that made a guard refuse (e.g. a failed lookup) as the cause. */
    public TransitionRejectedException(String transition, TicketKey key, List<String> reasons, Throwable cause) {
        super(ErrorCode.TRANSITION_DENIED, CommonMessages.transitionRefused(transition, key, reasons), cause);
        this.reasons = List.copyOf(reasons);
    }

    /** Why, one reason per refusing guard, in the transition's guard order. */
    public List<String> reasons() {
        return reasons;
    }
}
