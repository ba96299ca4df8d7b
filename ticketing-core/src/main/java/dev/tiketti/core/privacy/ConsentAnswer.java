package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * A person's answer to a consent request: given or refused, the contact details they sent (name,
 * e-mail address, phone number; each optional), the channel it came by and a reference to the
 * evidence, e.g. {@code message:<id>} of the reply mail or the id of the submitted form.
 *
 * <pre>{@code
 * ConsentAnswer.given("message:<reply-17@example.fi>").withName("Aino Virtanen").withPhone("040 123 4567")
 * }</pre>
 *
 * @since 0.1
 */
public record ConsentAnswer(boolean given, Optional<String> name, Optional<String> email, Optional<String> phone,
                            Channel channel, String evidence) {
    public ConsentAnswer {
        name = stripped(name, "name");
        email = stripped(email, "e-mail address");
        phone = stripped(phone, "phone number");
        Require.nonNull(channel, "channel");
        evidence = Require.notBlank(evidence, "evidence reference").strip();
    }

    private static Optional<String> stripped(Optional<String> value, String what) {
        Require.nonNull(value, what);
        return value.map(v -> Require.notBlank(v, what).strip());
    }

    /** Consent given, by e-mail, with the evidence reference and no contact details yet. */
    public static ConsentAnswer given(String evidence) {
        return new ConsentAnswer(true, Optional.empty(), Optional.empty(), Optional.empty(), Channel.EMAIL, evidence);
    }

    /** Consent refused, by e-mail: nothing is recorded but the request is closed. */
    public static ConsentAnswer refused(String evidence) {
        return new ConsentAnswer(false, Optional.empty(), Optional.empty(), Optional.empty(), Channel.EMAIL, evidence);
    }

    public ConsentAnswer withName(String value) {
        return new ConsentAnswer(given, Optional.of(value), email, phone, channel, evidence);
    }

    public ConsentAnswer withEmail(String value) {
        return new ConsentAnswer(given, name, Optional.of(value), phone, channel, evidence);
    }

    public ConsentAnswer withPhone(String value) {
        return new ConsentAnswer(given, name, email, Optional.of(value), channel, evidence);
    }

    /** The answer as it came by another channel (e.g. {@link Channel#WEB_FORM} for a link to a form). */
    public ConsentAnswer via(Channel value) {
        return new ConsentAnswer(given, name, email, phone, value, evidence);
    }

    /** Never the contact details. */
    @Override
    public String toString() {
        return "ConsentAnswer[" + (given ? "given" : "refused") + ", " + channel + "]";
    }
}
