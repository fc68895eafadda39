package org.devportal.teams;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByTeamIdOrderByCreatedAtDesc(UUID teamId);

    List<Invitation> findByTeamIdAndEmail(UUID teamId, String email);

    /** Unused invitations that expired and whose expiry was not yet published, locked against a second node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select i from Invitation i where i.expiryRecordedAt is null and i.expiresAt <= :now
                and i.acceptedAt is null and i.revokedAt is null order by i.expiresAt""")
    List<Invitation> findExpiredUnrecorded(Instant now);
}
