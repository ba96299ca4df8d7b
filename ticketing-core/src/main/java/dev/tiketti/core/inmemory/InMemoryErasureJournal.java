package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.spi.ErasureJournal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link ErasureJournal} in memory. Thread-safe by a single lock. In production the
 * journal must outlive restores of the other stores; this one lives as long as the JVM.
 *
 * @since 0.1
 */
public final class InMemoryErasureJournal implements ErasureJournal {
    private final Map<ErasureId, ErasureReport> reports = new LinkedHashMap<>();

    @Override
    public synchronized void save(ErasureReport report) {
        Require.nonNull(report, "erasure report");
        reports.put(report.id(), report);
    }

    @Override
    public synchronized Optional<ErasureReport> find(ErasureId id) {
        return Optional.ofNullable(reports.get(Require.nonNull(id, "erasure id")));
    }

    @Override
    public synchronized List<ErasureReport> forContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        return all().stream().filter(r -> r.request().contact().equals(contact)).toList();
    }

    @Override
    public synchronized List<ErasureReport> all() {
        return reports.values().stream().sorted(Comparator.comparing(ErasureReport::startedAt)).toList();
    }
}
