package org.devportal.registration;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RegistrationAccessTokenRepository extends JpaRepository<StoredRegistrationAccessToken, UUID> {

    /** The id of the token whose current value has this hash; reads without locking. */
    @Query("select t.id from StoredRegistrationAccessToken t where t.tokenHash = :hash")
    Optional<UUID> findIdByTokenHash(String hash);

    /** The id of the token whose value before the current one has this hash; reads without locking. */
    @Query("select t.id from StoredRegistrationAccessToken t where t.previousTokenHash = :hash")
    Optional<UUID> findIdByPreviousTokenHash(String hash);

    /**
     * The token, locked by its primary key until the transaction ends, and as last committed, so that requests
     * with one token rotate it one after the other. Locking it through a hash instead would lock entries of the
     * hash indexes, which a rotation changes, and lets waiting requests deadlock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from StoredRegistrationAccessToken t where t.id = :id")
    Optional<StoredRegistrationAccessToken> lockById(UUID id);

    @Query("select t from StoredRegistrationAccessToken t where t.teamId = :teamId order by t.issuedAt desc")
    List<StoredRegistrationAccessToken> findByTeamNewestFirst(UUID teamId);

    @Query("select t from StoredRegistrationAccessToken t where t.id = :id and t.teamId = :teamId")
    Optional<StoredRegistrationAccessToken> findInTeam(UUID id, UUID teamId);
}
