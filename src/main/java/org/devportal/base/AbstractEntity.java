package org.devportal.base;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/**
 * Entities get a random UUID when they are created, not when they are saved, so that equality is stable
 * and identifiers can be handed out before the transaction commits. The version column gives optimistic locking.
 */
@MappedSuperclass
public abstract class AbstractEntity {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id = UUID.randomUUID();

    @Version
    private long version;

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return Objects.equals(id, ((AbstractEntity) other).id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
