package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.mail.internal.SmtpProblems;
import dev.tiketti.mail.internal.Templating;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mail templates of the SMTP transport: one {@link MailTemplate} per {@link TemplateKind} and
 * {@link Language}. {@link #standard()} holds Tiketti's wording in Finnish, Swedish and English (the
 * resources {@code dev/tiketti/mail/templates/<kind>_<lang>.txt}); a host replaces any of them with
 * {@link #with}. Every template is checked against its kind when added: only known placeholders,
 * the required ones present ({@code {body}} where a text is passed on, {@code {privacyNoticeUrl}} in
 * every mail to customers), a one-line subject. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class MailTemplates {
    private static final String RESOURCES = "dev/tiketti/mail/templates/";
    private final Map<TemplateKind, Map<Language, MailTemplate>> templates;

    private MailTemplates(Map<TemplateKind, Map<Language, MailTemplate>> templates) {
        this.templates = templates;
    }

    /** Tiketti's own wording for every kind in fi, sv and en. */
    public static MailTemplates standard() {
        Map<TemplateKind, Map<Language, MailTemplate>> all = new EnumMap<>(TemplateKind.class);
        for (TemplateKind kind : TemplateKind.values()) {
            Map<Language, MailTemplate> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                MailTemplate t = MailTemplate.fromResource(MailTemplates.class.getClassLoader(), resource(kind, language));
                check(kind, language, t);
                byLanguage.put(language, t);
            }
            all.put(kind, Collections.unmodifiableMap(byLanguage));
        }
        return new MailTemplates(Collections.unmodifiableMap(all));
    }

    /** The resource name of a standard template, e.g. {@code dev/tiketti/mail/templates/reply_fi.txt}. */
    public static String resource(TemplateKind kind, Language language) {
        return RESOURCES + kind.name().toLowerCase(Locale.ROOT) + "_" + language.tag() + ".txt";
    }

    /**
     * These templates with {@code kind} in {@code language} replaced by {@code template}; fails with
     * {@code INVALID_MAIL_TEMPLATE}, listing every problem, if the template does not suit the kind.
     */
    public MailTemplates with(TemplateKind kind, Language language, MailTemplate template) {
        Require.nonNull(kind, "kind");
        Require.nonNull(language, "language");
        Require.nonNull(template, "template");
        check(kind, language, template);
        Map<TemplateKind, Map<Language, MailTemplate>> all = new EnumMap<>(templates);
        Map<Language, MailTemplate> byLanguage = new EnumMap<>(all.get(kind));
        byLanguage.put(language, template);
        all.put(kind, Collections.unmodifiableMap(byLanguage));
        return new MailTemplates(Collections.unmodifiableMap(all));
    }

    /** The template of {@code kind} in {@code language}. */
    public MailTemplate get(TemplateKind kind, Language language) {
        return templates.get(Require.nonNull(kind, "kind")).get(Require.nonNull(language, "language"));
    }

    private static void check(TemplateKind kind, Language language, MailTemplate t) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>(Templating.placeholders(t.subject()));
        used.addAll(Templating.placeholders(t.body()));
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(kind.allowed());
        if (!unknown.isEmpty()) {
            problems.add(SmtpProblems.templateUnknownPlaceholders(unknown, new TreeSet<>(kind.allowed())));
        }
        for (String p : new TreeSet<>(kind.required())) {
            if (!used.contains(p)) {
                problems.add(SmtpProblems.templateLacksPlaceholder(p));
            }
        }
        if (t.subject().contains("\n") || t.subject().contains("\r")) {
            problems.add(SmtpProblems.templateSubjectLines());
        }
        if (!problems.isEmpty()) {
            throw SmtpProblems.invalidTemplate(kind.name(), language.tag(), problems);
        }
    }
}
