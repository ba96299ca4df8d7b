package dev.tiketti.core.common;

import java.util.Arrays;
import java.util.List;

/**
 * A team's classification of a matter as a path, e.g. {@code Palvelussuhde/Vuosiloma}.
 * Prefix matching lets queues and reports work on a whole branch.
 *
 * @since 0.1
 */
public record Classification(List<String> segments) {
    /** The most levels a classification may have. */
    public static final int MAX_SEGMENTS = 10;
    /** The longest name of one level. */
    public static final int MAX_SEGMENT_LENGTH = 100;

    public Classification {
        Require.nonNull(segments, "classification segments");
        for (String s : segments) {
            Require.notBlank(s, "classification segment");
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw CommonMessages.classificationWithoutSegments();
        }
        int longest = 0;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            Require.notBlank(s, "classification segment");
            longest = Math.max(longest, s.length());
            int position = i + 1;
            StorableText.firstProblem(s).ifPresent(problem -> {
                throw CommonMessages.unstorableSegment(position, problem);
            });
            if (s.contains("/")) {
                throw CommonMessages.segmentWithSlash(s);
            }
        }
        if (segments.size() > MAX_SEGMENTS || longest > MAX_SEGMENT_LENGTH) {
            throw CommonMessages.classificationTooLong(segments.size(), longest);
        }
        if (segments.contains(".") || segments.contains("..")) {
            throw CommonMessages.relativeSegment(segments);
        }
    }

    /** Parses a path whose segments are separated by {@code /}. */
    public static Classification of(String path) {
        Require.notBlank(path, "classification path");
        // limit -1 keeps trailing empty segments, so "A/" is refused like "/A" and "A//B"
        return new Classification(Arrays.stream(path.split("/", -1)).map(String::strip).toList());
    }

    /** Whether this classification equals {@code other} or lies beneath it. */
    public boolean startsWith(Classification other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    public String path() {
        return String.join("/", segments);
    }

    @Override
    public String toString() {
        return path();
    }
}
