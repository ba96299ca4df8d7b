package dev.tiketti.core.privacy;

import java.util.Locale;

/**
 * The language a contact wants to be served in; Finland's two official languages and English.
 *
 * @since 0.1
 */
public enum Language {
    FI, SV, EN;

    /** The BCP 47 tag, e.g. {@code fi}, for picking a template. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale of this language, e.g. for formatting dates in a template. */
    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }
}
