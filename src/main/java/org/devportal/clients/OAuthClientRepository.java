package org.devportal.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OAuthClientRepository extends JpaRepository<OAuthClient, UUID> {

    Optional<OAuthClient> findByIdAndDeletedAtIsNull(UUID id);

    /**
     * The client with its redirect URIs, contacts and scopes in one query rather than four, for the token endpoint,
     * which reads every client it serves whole. The join multiplies the rows by the three lists' lengths, which the
     * client rules keep short.
     */
    @EntityGraph(attributePaths = {"redirectUris", "contacts", "scopes"})
    @Query("select c from OAuthClient c where c.sandboxClientId = :sandboxClientId and c.deletedAt is null")
    Optional<OAuthClient> findWholeBySandboxClientId(UUID sandboxClientId);

    /** Like {@link #findWholeBySandboxClientId}, by the internal id. */
    @EntityGraph(attributePaths = {"redirectUris", "contacts", "scopes"})
    @Query("select c from OAuthClient c where c.id = :id and c.deletedAt is null")
    Optional<OAuthClient> findWholeById(UUID id);

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
