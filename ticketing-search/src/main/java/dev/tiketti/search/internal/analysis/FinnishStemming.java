package dev.tiketti.search.internal.analysis;

/** Which of Lucene's two Finnish stemmers fills the Finnish stem field. */
public enum FinnishStemming {
    /** Snowball's {@code FinnishStemmer}: aggressive, keeps ä and ö. */
    SNOWBALL,
    /** {@code FinnishLightStemFilter}: gentler on case endings, but folds ä to a and ö to o. */
    LIGHT
}
