package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject and body of the mail that asks a person for contact details and consent (R8),
 * configured with {@code Ticketing.builder().consentRequestTemplate(...)}. Placeholders, filled in
 * one pass (values are inserted literally, never expanded again):
 *
 * <ul>
 *   <li>{@code {name}}: the contact's name, empty for an address not in the register;</li>
 *   <li>{@code {purpose}} and {@code {purposeId}}: the purpose's description and id;</li>
 *   <li>{@code {consentText}} and {@code {consentVersion}}: the wording asked for and its version;</li>
 *   <li>{@code {token}}: the reply token (required, in the subject or the body);</li>
 *   <li>{@code {expiresAt}}: when the token expires (ISO-8601 instant);</li>
 *   <li>{@code {privacyNoticeUrl}}: the configured privacy notice, empty without one.</li>
 * </ul>
 *
 * @since 0.1
 */
public record ConsentRequestTemplate(String subject, String body) {
    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "purpose", "purposeId", "consentText",
            "consentVersion", "token", "expiresAt", "privacyNoticeUrl");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public ConsentRequestTemplate {
        Require.notBlank(subject, "consent request subject");
        Require.notBlank(body, "consent request body");
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        unknown.addAll(placeholders(subject));
        unknown.addAll(placeholders(body));
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            problems.add(PrivacyMessages.templateUnknownPlaceholders(unknown, new TreeSet<>(PLACEHOLDERS)));
        }
        if (!placeholders(subject).contains("token") && !placeholders(body).contains("token")) {
            problems.add(PrivacyMessages.templateWithoutToken());
        }
        if (subject.contains("\n") || subject.contains("\r")) {
            problems.add(PrivacyMessages.templateSubjectLines());
        }
        if (!problems.isEmpty()) {
            throw PrivacyMessages.templateInvalid(problems);
        }
    }

    /** English wording that names the purpose, quotes the consent text and links the privacy notice. */
    public static ConsentRequestTemplate standard() {
        return new ConsentRequestTemplate("Your consent: {purpose} [{token}]", """
                Hello {name},

                We would like to record your consent for the following purpose: {purpose}.

                {consentText} (version {consentVersion})

                Please reply to this message keeping the reference {token} in the subject, and tell us \
                whether you agree. If you agree, please also check your name, e-mail address and phone \
                number in your reply. The reference is valid until {expiresAt}.

                How we process personal data: {privacyNoticeUrl}
                """);
    }

    /** The subject with the placeholders filled from {@code values} (one pass; a missing value stays as is). */
    public String subjectWith(Map<String, String> values) {
        return fill(subject, values);
    }

    /** The body with the placeholders filled from {@code values} (one pass; a missing value stays as is). */
    public String bodyWith(Map<String, String> values) {
        return fill(body, values);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        return m.replaceAll(r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), r.group())));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
