package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.Visibility;

/**
 * One text of a search document with what it is and who may see it: a search that may not see
 * {@link Visibility#INTERNAL} texts ({@link SearchQuery#includeInternal()} false) must neither match
 * nor quote them.
 *
 * @since 0.1
 */
public record SearchText(TextPart part, Visibility visibility, String text) {
    public SearchText {
        Require.nonNull(part, "text part");
        Require.nonNull(visibility, "visibility");
        Require.nonNull(text, "text");
    }

    /** A text the requester sees too. */
    public static SearchText visible(TextPart part, String text) {
        return new SearchText(part, Visibility.PUBLIC, text);
    }

    /** A text only handlers see. */
    public static SearchText internal(TextPart part, String text) {
        return new SearchText(part, Visibility.INTERNAL, text);
    }
}
