package org.devportal.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    List<Membership> findBySubjectOrderByJoinedAt(String subject);

    List<Membership> findByTeamIdOrderByJoinedAt(UUID teamId);

    Optional<Membership> findByTeamIdAndSubject(UUID teamId, String subject);

    long countByTeamId(UUID teamId);

    long countByTeamIdAndRole(UUID teamId, TeamRole role);

    boolean existsByTeamIdAndEmail(UUID teamId, String email);

    /**
     * Records that the member opened the team. A bulk update, so that it neither bumps the membership's version
     * nor collides with an owner changing the member's role at the same moment.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Membership m set m.lastUsedAt = :at where m.teamId = :teamId and m.subject = :subject")
    int markUsed(UUID teamId, String subject, Instant at);
}
