package dev.tiketti.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Scans the raw bytes of every file under a directory for strings (UTF-8), as an auditor would. */
final class RawBytes {
    private RawBytes() {
    }

    /** "file: needle" for each needle found in each file. */
    static List<String> find(Path dir, List<String> needles) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (String needle : needles) {
                    if (indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8)) >= 0) {
                        found.add(f.getFileName() + ": " + needle);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Whether some file holds {@code needle}. */
    static boolean anyHolds(Path dir, String needle) {
        return !find(dir, List.of(needle)).isEmpty();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
