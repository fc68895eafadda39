package org.devportal.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OAuthClientRepository extends JpaRepository<OAuthClient, UUID> {

    Optional<OAuthClient> findByIdAndDeletedAtIsNull(UUID id);

    /**
     * The client with its redirect URIs, contacts and scopes in one query rather than four, for background jobs. The
     * join multiplies the rows by the three lists' lengths, which the client rules keep short. The fetches are written
     * in the query rather than given as an entity graph: Hibernate caches the translation of a query only without a
     * graph. (The token endpoint reads its clients with {@link ClientRows} instead.)
     */
    @Query("select c from OAuthClient c left join fetch c.redirectUris left join fetch c.contacts"
            + " left join fetch c.scopes where c.id = :id and c.deletedAt is null")
    Optional<OAuthClient> findWholeById(UUID id);

    Optional<OAuthClient> findByProductionClientIdAndDeletedAtIsNull(UUID productionClientId);

    /*
     * The client list's count and search read the indexes on (team, deleted, updated_at or name, id) alone: the
     * search is a substring match, which no B-tree index can seek, but it is checked on the index's name column.
     * Its pages are read by ClientListPages.
     */

    @Query("select count(c) from OAuthClient c where c.teamId = :teamId and c.deletedAt is null")
    long countLive(UUID teamId);

    @Query("select count(c) from OAuthClient c where c.teamId = :teamId and c.deletedAt is null "
            + "and lower(c.name) like lower(:pattern) escape '!'")
    long countMatching(UUID teamId, String pattern);

    @Query("select count(c) > 0 from OAuthClient c where c.teamId = :teamId and c.deletedAt is null "
            + "and lower(c.name) = lower(:name) and c.id <> :exceptId")
    boolean nameTaken(UUID teamId, String name, UUID exceptId);

    /**
     * The redirect URIs of the sandbox's public clients that contain the text, as a cheap first filter for the web
     * origins their browsers call from; the caller decides on each URI.
     */
    @Query(
            nativeQuery = true,
            value = "select r.uri from oauth_client_redirect_uri r join oauth_client c on c.id = r.client_id "
                    + "where c.deleted_at is null and c.client_type = 'PUBLIC' and r.uri like :pattern escape '!'")
    List<String> publicSandboxRedirectUrisLike(String pattern);

    /** The approved snapshots, as stored, of the clients production serves that contain the text. */
    @Query(
            nativeQuery = true,
            value = "select c.approved_snapshot from oauth_client c where c.deleted_at is null "
                    + "and c.production_client_id is not null and c.approved_snapshot like :pattern escape '!'")
    List<String> approvedSnapshotsLike(String pattern);
}
