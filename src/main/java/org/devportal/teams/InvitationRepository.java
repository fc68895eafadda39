package org.devportal.teams;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByTeamIdOrderByCreatedAtDesc(UUID teamId);

    List<Invitation> findByTeamIdAndEmail(UUID teamId, String email);
}
