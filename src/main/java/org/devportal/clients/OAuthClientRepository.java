package org.devportal.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OAuthClientRepository extends JpaRepository<OAuthClient, UUID> {

    Optional<OAuthClient> findByIdAndDeletedAtIsNull(UUID id);

    Optional<OAuthClient> findBySandboxClientIdAndDeletedAtIsNull(UUID sandboxClientId);

    Optional<OAuthClient> findByProductionClientIdAndDeletedAtIsNull(UUID productionClientId);

    @Query("select c from OAuthClient c where c.teamId = :teamId and c.deletedAt is null "
            + "and lower(c.name) like lower(concat('%', :search, '%'))")
    List<OAuthClient> search(UUID teamId, String search, Pageable page);

    @Query("select count(c) from OAuthClient c where c.teamId = :teamId and c.deletedAt is null "
            + "and lower(c.name) like lower(concat('%', :search, '%'))")
    long countSearch(UUID teamId, String search);

    @Query("select count(c) > 0 from OAuthClient c where c.teamId = :teamId and c.deletedAt is null "
            + "and lower(c.name) = lower(:name) and c.id <> :exceptId")
    boolean nameTaken(UUID teamId, String name, UUID exceptId);
}
