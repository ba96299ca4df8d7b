package dev.tiketti.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.TransitionRejectedException;
import java.util.List;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a transition its guards refused: the reasons a person would be shown, and that
 * nothing changed. Obtained from {@link TransitionResult#thenRejected()}.
 *
 * @since 0.1
 */
public final class RejectionAssert {
    private final TransitionResult result;
    private final TransitionRejectedException rejection;

    RejectionAssert(TransitionResult result, TransitionRejectedException rejection) {
        this.result = result;
        this.rejection = rejection;
    }

    /** Asserts that some reason contains {@code text}. */
    public RejectionAssert withReasonContaining(String text) {
        assertThat(rejection.reasons()).as("reasons the transition was refused")
                .anySatisfy(reason -> assertThat(reason).contains(text));
        return this;
    }

    /** Asserts how many guards refused. */
    public RejectionAssert withReasonCount(int count) {
        assertThat(rejection.reasons()).as("reasons the transition was refused").hasSize(count);
        return this;
    }

    /** The reasons, one per refusing guard in guard order, to assert on with AssertJ. */
    public ListAssert<String> reasons() {
        return assertThat(rejection.reasons()).as("reasons the transition was refused");
    }

    /** Asserts that the ticket, its history and timeline are as before and nothing was sent or published. */
    public RejectionAssert andTicketUnchanged() {
        result.thenTicketUnchanged();
        return this;
    }

    /** The refusal itself. */
    public TransitionRejectedException exception() {
        return rejection;
    }

    /** Back to the result, e.g. to attempt the next transition. */
    public TransitionResult and() {
        return result;
    }

    /** The raw reasons. */
    public List<String> reasonList() {
        return rejection.reasons();
    }
}
