package org.devportal.security.idp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the identity provider's stored authorizations once every code and token in them has expired. An
 * authorization that has none yet (a sign-in in progress) is kept for an hour after it was created.
 */
@Component
class IdpAuthorizationCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdpAuthorizationCleanup.class);
    private static final Duration IN_PROGRESS = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdpAuthorizationCleanup(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT15M")
    void removeExpired() {
        int removed = removeExpired(clock.instant(), IN_PROGRESS);
        if (removed > 0) {
            log.info("Removed {} expired identity provider authorizations", removed);
        }
    }

    /** Removes authorizations all of whose codes and tokens expired before {@code now}; returns how many. */
    int removeExpired(Instant now, Duration inProgress) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("""
                delete from oauth2_authorization
                where (authorization_code_expires_at is null or authorization_code_expires_at < ?)
                  and (access_token_expires_at is null or access_token_expires_at < ?)
                  and (oidc_id_token_expires_at is null or oidc_id_token_expires_at < ?)
                  and (refresh_token_expires_at is null or refresh_token_expires_at < ?)
                  and created_at < current_timestamp(6) - interval ? second""", at, at, at, at, inProgress.toSeconds());
    }
}
