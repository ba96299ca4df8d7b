package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One published, immutable workflow version as the JSON of {@code WorkflowJson}. */
@Entity(name = "TktWorkflow")
@Table(name = "tkt_workflow")
public class WorkflowEntity {
    @EmbeddedId
    Key key;
    @Column(name = "definition", nullable = false)
    String definition;

    protected WorkflowEntity() {
    }

    /** Workflow id and version. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "id", nullable = false, length = 200)
        String id;
        @Column(name = "version", nullable = false)
        int version;

        protected Key() {
        }

        Key(String id, int version) {
            this.id = id;
            this.version = version;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.id.equals(id) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, version);
        }
    }
}
