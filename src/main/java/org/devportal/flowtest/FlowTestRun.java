package org.devportal.flowtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;
import org.devportal.clients.ClientType;

/**
 * A stored run: who ran it, against what, and its redacted transcript as JSON. A run is written when it starts,
 * after each step, and once more when it finishes; only finished runs count as evidence.
 */
@Entity
@Table(name = "flow_test_run")
class FlowTestRun extends AbstractEntity {

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "started_by_subject", nullable = false)
    private String startedBySubject;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type", nullable = false)
    private ClientType clientType;

    @Column(name = "redirect_uri", nullable = false)
    private String redirectUri;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "passed_checks", nullable = false)
    private int passedChecks;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(nullable = false, columnDefinition = "longtext")
    private String transcript;

    /** The client's version when the run started; null for runs stored before it was recorded. */
    @Column(name = "client_version")
    private Long clientVersion;

    protected FlowTestRun() {}

    FlowTestRun(
            UUID clientId,
            UUID teamId,
            String startedBySubject,
            String startedBy,
            Instant startedAt,
            ClientType clientType,
            String redirectUri,
            String scopes,
            long clientVersion,
            String transcript) {
        this.clientId = clientId;
        this.clientVersion = clientVersion;
        this.teamId = teamId;
        this.startedBySubject = startedBySubject;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.clientType = clientType;
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.transcript = transcript;
    }

    void record(String newTranscript) {
        if (finishedAt != null) {
            throw new IllegalStateException("This run has finished; start a new one");
        }
        transcript = newTranscript;
    }

    void finish(int passed, boolean allPassed, Instant now) {
        if (finishedAt == null) {
            passedChecks = passed;
            succeeded = allPassed;
            finishedAt = now;
        }
    }

    UUID clientId() {
        return clientId;
    }

    UUID teamId() {
        return teamId;
    }

    String startedBy() {
        return startedBy;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    ClientType clientType() {
        return clientType;
    }

    String redirectUri() {
        return redirectUri;
    }

    String transcript() {
        return transcript;
    }

    String scopes() {
        return scopes;
    }

    Long clientVersion() {
        return clientVersion;
    }
}
