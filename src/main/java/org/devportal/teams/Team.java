package org.devportal.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.devportal.base.AbstractEntity;

@Entity
@Table(name = "team")
class Team extends AbstractEntity {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean personal;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Team() {}

    Team(TeamName name, boolean personal, Instant createdAt) {
        this.name = name.value();
        this.personal = personal;
        this.createdAt = createdAt;
    }

    String name() {
        return name;
    }

    boolean personal() {
        return personal;
    }

    void rename(TeamName newName) {
        this.name = newName.value();
    }
}
