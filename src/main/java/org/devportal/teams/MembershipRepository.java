package org.devportal.teams;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    List<Membership> findBySubjectOrderByJoinedAt(String subject);

    List<Membership> findByTeamIdOrderByJoinedAt(UUID teamId);

    Optional<Membership> findByTeamIdAndSubject(UUID teamId, String subject);

    long countByTeamId(UUID teamId);

    long countByTeamIdAndRole(UUID teamId, TeamRole role);

    boolean existsByTeamIdAndEmail(UUID teamId, String email);
}
