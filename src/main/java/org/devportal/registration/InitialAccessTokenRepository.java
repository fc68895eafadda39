package org.devportal.registration;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InitialAccessTokenRepository extends JpaRepository<StoredInitialAccessToken, UUID> {

    /** The token with this hash, locked until the transaction ends, so that two registrations spend two uses. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from StoredInitialAccessToken t where t.tokenHash = :tokenHash")
    Optional<StoredInitialAccessToken> lockByTokenHash(String tokenHash);

    @Query("select t from StoredInitialAccessToken t where t.teamId = :teamId order by t.createdAt desc")
    List<StoredInitialAccessToken> findByTeamNewestFirst(UUID teamId);

    @Query("select t from StoredInitialAccessToken t where t.id = :id and t.teamId = :teamId")
    Optional<StoredInitialAccessToken> findInTeam(UUID id, UUID teamId);
}
