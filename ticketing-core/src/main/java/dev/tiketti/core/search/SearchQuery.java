package dev.tiketti.core.search;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A search for tickets (R3); every present criterion must match: the requester has this e-mail
 * address (any case), each word of {@code text} occurs in the ticket's texts (see the index for how
 * inflected words match), the classification equals or lies beneath {@code classificationPrefix}.
 * At least one criterion is required. Build with {@link #builder()}.
 *
 * @param text words to find, separated by anything that is not a letter or digit; empty means any
 * @since 0.1
 */
public record SearchQuery(Optional<String> requesterEmail, String text, Optional<Classification> classificationPrefix,
                          int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public SearchQuery {
        requesterEmail = Require.nonNull(requesterEmail, "requester e-mail address")
                .map(e -> Require.notBlank(e, "requester e-mail address").strip().toLowerCase(Locale.ROOT));
        text = Require.nonNull(text, "text").strip();
        Require.nonNull(classificationPrefix, "classification prefix");
        Require.argument(limit >= 1, () -> SearchMessages.limitBelowOne(limit));
        if (requesterEmail.isEmpty() && words(text).isEmpty() && classificationPrefix.isEmpty()) {
            throw SearchMessages.noCriterion();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A search for tickets whose texts contain every word of {@code text}. */
    public static SearchQuery text(String text) {
        return builder().text(text).build();
    }

    /** The query's words, lower-cased with {@link Locale#ROOT}, in order, without duplicates. */
    public List<String> words() {
        return words(text);
    }

    /** Splits text into lower-case words: maximal runs of letters and digits. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = Require.nonNull(text, "text").toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            if (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                word.append(lower.charAt(i));
            } else if (word.length() > 0) {
                if (!words.contains(word.toString())) {
                    words.add(word.toString());
                }
                word.setLength(0);
            }
        }
        return words;
    }

    /** Builds a {@link SearchQuery}; each option replaces an earlier value. */
    public static final class Builder {
        private Optional<String> email = Optional.empty();
        private String text = "";
        private Optional<Classification> classification = Optional.empty();
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /** Tickets whose requester has this address (any case). */
        public Builder requesterEmail(String value) {
            email = Optional.of(Require.notBlank(value, "requester e-mail address"));
            return this;
        }

        /** Tickets whose texts hold every word of {@code value}. */
        public Builder text(String value) {
            text = Require.nonNull(value, "text");
            return this;
        }

        /** Tickets classified as {@code value} or beneath it. */
        public Builder classifiedUnder(Classification value) {
            classification = Optional.of(Require.nonNull(value, "classification"));
            return this;
        }

        /** At most this many tickets (default {@value SearchQuery#DEFAULT_LIMIT}). */
        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(email, text, classification, limit);
        }
    }
}
