package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.TicketingException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

@Label("Timer id properties")
class TimerIdPropertiesTest {
    private static final TimerKind BREACH = TimerKind.of("sla.breach");

    @Property
    @Label("a subject of 1-200 characters is kept unchanged unless blank or holding control characters")
    void subjects(@ForAll @StringLength(min = 1, max = 200) String subject) {
        if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            assertThatThrownBy(() -> TimerId.of(BREACH, subject)).isInstanceOf(TicketingException.class);
        } else {
            assertThat(TimerId.of(BREACH, subject).subject()).isEqualTo(subject);
        }
    }

    @Property
    @Label("a subject longer than 200 characters is rejected")
    void longSubjects(@ForAll @StringLength(min = 201, max = 400) String subject) {
        assertThatThrownBy(() -> TimerId.of(BREACH, subject)).isInstanceOf(TicketingException.class);
    }
}
