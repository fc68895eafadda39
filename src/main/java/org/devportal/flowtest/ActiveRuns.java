package org.devportal.flowtest;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.devportal.base.Sha256;
import org.springframework.stereotype.Component;

/**
 * The runs in progress on this server, found by id or by a SHA-256 hash of their {@code state} when the callback
 * arrives. They end when finished, cancelled, or when they expire. One server holds them: a callback must reach the
 * server that started its run, which sticky sessions give.
 */
@Component
class ActiveRuns {

    private final Map<UUID, ActiveRun> byId = new ConcurrentHashMap<>();
    private final Map<String, UUID> byStateHash = new ConcurrentHashMap<>();
    private final Clock clock;

    ActiveRuns(Clock clock) {
        this.clock = clock;
    }

    void add(ActiveRun run) {
        purgeExpired();
        byId.put(run.runId, run);
        byStateHash.put(hash(run.state), run.runId);
    }

    Optional<ActiveRun> get(UUID runId) {
        purgeExpired();
        return Optional.ofNullable(runId == null ? null : byId.get(runId));
    }

    Optional<ActiveRun> byState(String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        UUID runId = byStateHash.get(hash(state));
        return get(runId);
    }

    void remove(UUID runId) {
        ActiveRun run = byId.remove(runId);
        if (run != null) {
            byStateHash.remove(hash(run.state));
        }
    }

    private void purgeExpired() {
        var now = clock.instant();
        byId.values().stream()
                .filter(run -> run.expiresAt.isBefore(now))
                .map(run -> run.runId)
                .toList()
                .forEach(this::remove);
    }

    static String hash(String value) {
        return Sha256.hex(value);
    }
}
