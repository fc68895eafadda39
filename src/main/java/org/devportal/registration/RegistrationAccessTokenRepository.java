package org.devportal.registration;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RegistrationAccessTokenRepository extends JpaRepository<StoredRegistrationAccessToken, UUID> {

    /**
     * The token whose current value has this hash, locked until the transaction ends, so that two requests with one
     * token rotate it one after the other. One unique index per query: an {@code or} of both could lock far more.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from StoredRegistrationAccessToken t where t.tokenHash = :hash")
    Optional<StoredRegistrationAccessToken> lockByTokenHash(String hash);

    /** Like {@link #lockByTokenHash}, by the value before the current one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from StoredRegistrationAccessToken t where t.previousTokenHash = :hash")
    Optional<StoredRegistrationAccessToken> lockByPreviousTokenHash(String hash);

    @Query("select t from StoredRegistrationAccessToken t where t.teamId = :teamId order by t.issuedAt desc")
    List<StoredRegistrationAccessToken> findByTeamNewestFirst(UUID teamId);

    @Query("select t from StoredRegistrationAccessToken t where t.id = :id and t.teamId = :teamId")
    Optional<StoredRegistrationAccessToken> findInTeam(UUID id, UUID teamId);
}
