package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.workflow.WorkflowJson;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * {@link DefinitionStore} on Jakarta Persistence: ticket types and every published workflow
 * version as JSON ({@link WorkflowJson} for workflows). A stored workflow version is never
 * changed; only {@code latest + 1} is accepted.
 */
public final class JpaDefinitionStore implements DefinitionStore {
    private final EntityManagers ems;
    /**
     * Published versions never change, so once committed they can be shared by every thread of
     * this node; read on every transition, they are worth keeping (bounded by what is published).
     */
    private final Map<WorkflowEntity.Key, WorkflowDefinition> committedVersions = new ConcurrentHashMap<>();
    /**
     * The last definition parsed per type id, with its JSON. A type can change (on any node), so it
     * is read on every call; only the parsing is skipped while the stored JSON is unchanged.
     */
    private final Map<String, ParsedType> parsedTypes = new ConcurrentHashMap<>();

    private record ParsedType(String json, TicketType type) {
    }

    public JpaDefinitionStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void saveType(TicketType type) {
        String json = JsonMapping.writeType(type);
        ems.call("saving ticket type '" + type.id() + "'", em -> {
            TicketTypeEntity e = Rows.find(em, TicketTypeEntity.class, type.id());
            if (e == null) {
                e = new TicketTypeEntity();
                e.id = type.id();
                Long max = em.createQuery("SELECT MAX(t.ordinal) FROM TktTicketType t", Long.class).getSingleResult();
                e.ordinal = (max == null ? 0 : max) + 1;
                e.definition = json;
                em.persist(e);
            } else {
                e.definition = json;
            }
            em.flush();
            em.detach(e);
            return null;
        });
    }

    @Override
    public Optional<TicketType> findType(String id) {
        return ems.find("reading ticket type '" + id + "'", TicketTypeEntity.class, id,
                e -> parsedType(e.id, e.definition));
    }

    private TicketType parsedType(String id, String json) {
        ParsedType last = parsedTypes.get(id);
        if (last != null && last.json().equals(json)) {
            return last.type(); // the same JSON gives an equal (immutable) type
        }
        TicketType type = JsonMapping.readType(json);
        parsedTypes.put(id, new ParsedType(json, type));
        return type;
    }

    @Override
    public List<TicketType> types() {
        return ems.call("reading ticket types", em -> em.createQuery(
                        "SELECT t.definition FROM TktTicketType t ORDER BY t.ordinal", String.class)
                .getResultStream().map(JsonMapping::readType).toList());
    }

    @Override
    public void saveWorkflow(WorkflowDefinition definition) {
        String json = WorkflowJson.write(definition);
        ems.call("publishing workflow '" + definition.id() + "' version " + definition.version(), em -> {
            int latest = latestVersion(em, definition.id());
            if (definition.version() != latest + 1) {
                throw conflict(definition, latest);
            }
            WorkflowEntity e = new WorkflowEntity();
            e.key = new WorkflowEntity.Key(definition.id(), definition.version());
            e.definition = json;
            try {
                em.persist(e);
                em.flush();
            } catch (PersistenceException ex) {
                if (Failures.isUniqueViolation(ex)) { // published concurrently by another node
                    throw conflict(definition, definition.version(), Failures.scrubbed(ex));
                }
                throw ex;
            }
            em.detach(e);
            return null;
        });
    }

    @Override
    public Optional<WorkflowDefinition> findWorkflow(String id, int version) {
        WorkflowEntity.Key key = new WorkflowEntity.Key(id, version);
        WorkflowDefinition cached = committedVersions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return ems.call("reading workflow '" + id + "' version " + version, em -> {
            WorkflowEntity e = Rows.find(em, WorkflowEntity.class, key);
            if (e == null) {
                return Optional.empty();
            }
            em.detach(e);
            WorkflowDefinition definition = WorkflowJson.read(e.definition).withVersion(version);
            // Only once committed: this unit may have written the row itself and may still roll back.
            ems.afterCommit(() -> committedVersions.putIfAbsent(key, definition));
            return Optional.of(definition);
        });
    }

    @Override
    public Optional<WorkflowDefinition> latestWorkflow(String id) {
        return ems.call("reading workflow '" + id + "'", em -> em.createQuery(
                        "SELECT w.key.version, w.definition FROM TktWorkflow w WHERE w.key.id = :id"
                                + " ORDER BY w.key.version DESC", Object[].class)
                .setParameter("id", id).setMaxResults(1).getResultStream().findFirst()
                .map(row -> {
                    // A published version never changes: reuse its parse if this node has it.
                    WorkflowDefinition known = committedVersions.get(new WorkflowEntity.Key(id, (Integer) row[0]));
                    return known != null ? known : WorkflowJson.read((String) row[1]).withVersion((Integer) row[0]);
                }));
    }

    private static int latestVersion(EntityManager em, String id) {
        Integer max = em.createQuery("SELECT MAX(w.key.version) FROM TktWorkflow w WHERE w.key.id = :id", Integer.class)
                .setParameter("id", id).getSingleResult();
        return max == null ? 0 : max;
    }

    private static ConcurrentUpdateException conflict(WorkflowDefinition definition, int latest) {
        return conflict(definition, latest, null);
    }

    private static ConcurrentUpdateException conflict(WorkflowDefinition definition, int latest,
                                                      @Nullable Throwable cause) {
        return StoreProblems.workflowVersionTaken(definition.id(), latest, definition.version(), cause);
    }
}
