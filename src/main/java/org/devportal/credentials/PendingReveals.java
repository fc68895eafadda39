package org.devportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Holds a secret generated as a side effect of registering a client, in memory only, until the person who
 * registered it opens the client page and sees it once. Entries are handed out once and vanish after a few
 * minutes; nothing here is ever written to disk or a log.
 */
@Component
class PendingReveals {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Map<Key, Entry> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingReveals(Clock clock) {
        this.clock = clock;
    }

    void put(UUID clientId, String subject, ClientSecret secret) {
        Instant now = clock.instant();
        pending.values().removeIf(entry -> entry.until().isBefore(now));
        pending.put(new Key(clientId, subject), new Entry(secret, now.plus(KEEP)));
    }

    Optional<ClientSecret> take(UUID clientId, String subject) {
        Entry entry = pending.remove(new Key(clientId, subject));
        return entry == null || entry.until().isBefore(clock.instant())
                ? Optional.empty()
                : Optional.of(entry.secret());
    }

    private record Key(UUID clientId, String subject) {}

    private record Entry(ClientSecret secret, Instant until) {}
}
