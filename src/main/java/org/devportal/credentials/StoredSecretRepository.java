package org.devportal.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StoredSecretRepository extends JpaRepository<StoredSecret, UUID> {

    List<StoredSecret> findByClientIdAndEnvironmentOrderByCreatedAt(UUID clientId, SecretEnvironment environment);

    /** Secrets in their grace period, or just past it and not yet handled, for the expiry job. */
    @Query("select s from StoredSecret s where s.revokedAt is null and s.expiresAt is not null "
            + "and s.expiryHandled = false and s.expiresAt <= :horizon")
    List<StoredSecret> findExpiringBefore(Instant horizon);

    @Modifying
    @Query("update StoredSecret s set s.lastUsedAt = :at where s.id = :id")
    void markUsed(UUID id, Instant at);

    /** Live secrets that expire after {@code now} and no later than {@code horizon}. */
    @Query("select count(s) from StoredSecret s where s.revokedAt is null and s.expiresAt > :now "
            + "and s.expiresAt <= :horizon")
    long countExpiringBetween(Instant now, Instant horizon);
}
