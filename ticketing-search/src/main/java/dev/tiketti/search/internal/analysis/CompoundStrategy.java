package dev.tiketti.search.internal.analysis;

/** How a part of a compound ("loma" in "vuosilomalla") is made findable. */
public enum CompoundStrategy {
    /** No subword field: only whole words (and prefixes) match. */
    NONE,
    /** {@link CompoundSplitter}: a hand-written list of HR and service-desk word stems, mapped to lemmas. */
    DICTIONARY,
    /** Character n-grams (3 to 10 letters) of every word; any part of any compound, but also chance substrings. */
    NGRAM,
    /** Both: dictionary parts, and n-grams at a lower boost for words the dictionary does not know. */
    DICTIONARY_AND_NGRAM
}
