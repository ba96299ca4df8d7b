package dev.tiketti.search.internal.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * The knobs of the analysis that {@code AnalysisQualityTest} compares; {@link #DEFAULT} is what
 * {@link TextAnalysis} uses (chosen by measurement, see docs/search-analysis.md).
 *
 * @param stemming the Finnish stemmer of the Finnish stem field
 * @param compounds how compound parts are indexed
 * @param gradation whether Finnish stems also get a consonant-gradation-neutral key (katu/kadun)
 * @param autoPrefixLength words at least this long also match as prefixes; 0 turns it off
 */
public record AnalysisSettings(FinnishStemming stemming, CompoundStrategy compounds, boolean gradation,
        int autoPrefixLength) {

    /** Snowball stems, dictionary decompounding, gradation keys, prefixes from five letters. */
    public static final AnalysisSettings DEFAULT =
            new AnalysisSettings(FinnishStemming.SNOWBALL, CompoundStrategy.DICTIONARY, true, 5);

    public AnalysisSettings {
        Objects.requireNonNull(stemming, "stemming");
        Objects.requireNonNull(compounds, "compounds");
        if (autoPrefixLength < 0) {
            throw new IllegalArgumentException("autoPrefixLength must be >= 0: " + autoPrefixLength);
        }
    }

    public AnalysisSettings withStemming(FinnishStemming s) {
        return new AnalysisSettings(s, compounds, gradation, autoPrefixLength);
    }

    public AnalysisSettings withCompounds(CompoundStrategy c) {
        return new AnalysisSettings(stemming, c, gradation, autoPrefixLength);
    }

    public AnalysisSettings withGradation(boolean g) {
        return new AnalysisSettings(stemming, compounds, g, autoPrefixLength);
    }

    public AnalysisSettings withAutoPrefixLength(int n) {
        return new AnalysisSettings(stemming, compounds, gradation, n);
    }

    /** A short label for comparison tables, e.g. {@code snowball+dictionary+gradation}. */
    public String label() {
        return stemming.name().toLowerCase(Locale.ROOT) + "+" + compounds.name().toLowerCase(Locale.ROOT)
                + (gradation ? "+gradation" : "") + (autoPrefixLength > 0 ? "" : "+noprefix");
    }
}
