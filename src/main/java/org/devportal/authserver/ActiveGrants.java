package org.devportal.authserver;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.Role;
import org.devportal.teams.MemberSummary;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's live authorizations at both issuers, for its team to review and end: one, or all at once when a
 * client's tokens may have leaked. The members of the client's team (owners and developers) and admins may read
 * and revoke them. A revoked authorization's codes, access and refresh tokens are invalidated in one update, so
 * the very next request with any of them fails: introspection answers inactive, and a refresh is refused with
 * {@code invalid_grant}.
 * <p>
 * Live means that a token of it still works: its refresh token, or its access token, is neither invalidated nor
 * expired. The list is read a page at a time, newest first, by the index on (client, creation time).
 */
@Service
public class ActiveGrants {

    /** Live: some token of it still works; the two parameters are the same instant, now. */
    private static final String LIVE = """
            ((refresh_hash is not null and refresh_invalidated = false and refresh_expires_at > :now)
              or (access_hash is not null and access_invalidated = false and access_expires_at > :now))
            """;

    private final JdbcClient jdbc;
    private final ClientDirectory directory;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActiveGrants(
            JdbcClient jdbc,
            ClientDirectory directory,
            TeamService teams,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.teams = teams;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the client's live authorizations, newest first. */
    @Transactional(readOnly = true)
    public List<ActiveGrant> page(UUID clientId, int offset, int limit) {
        ClientDetails client = requireAccess(clientId);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("A page starts at 0 or later and holds 1 to 500 grants");
        }
        Function<String, String> names = endUserNames(client);
        return jdbc.sql("""
                        select a.id, a.environment, a.principal_name, a.access_subject, a.authorized_scopes,
                            a.created_at,
                            (select max(s.spent_at) from oauth_spent_refresh_token s where s.authorization_id = a.id)
                        from oauth_authorization a
                        where a.client_id = :client and """ + LIVE + """
                        order by a.created_at desc, a.id desc
                        limit :limit offset :offset
                        """)
                .param("client", clientId.toString())
                .param("now", utc(clock.instant()))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new ActiveGrant(
                        rs.getString(1),
                        Issuer.valueOf(rs.getString(2)),
                        names.apply(rs.getString(3)),
                        rs.getString(4),
                        scopes(rs.getString(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    /** How many live authorizations the client has. */
    @Transactional(readOnly = true)
    public long count(UUID clientId) {
        requireAccess(clientId);
        return jdbc.sql("select count(*) from oauth_authorization where client_id = :client and " + LIVE)
                .param("client", clientId.toString())
                .param("now", utc(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Ends one live authorization of the client; its tokens stop working at once. */
    @Transactional
    public void revoke(UUID clientId, String grantId) {
        ClientDetails client = requireAccess(clientId);
        PortalUser user = currentUser.require();
        Instant now = clock.instant();
        List<String> environment = jdbc.sql(
                        "select environment from oauth_authorization where id = :id and client_id = :client and " + LIVE
                                + " for update")
                .param("id", grantId)
                .param("client", clientId.toString())
                .param("now", utc(now))
                .query(String.class)
                .list();
        if (environment.isEmpty()) {
            throw new InvalidInputException("grant", "This grant has already ended: it was revoked or has expired.");
        }
        jdbc.sql("""
                        update oauth_authorization set code_invalidated = true, access_invalidated = true,
                            refresh_invalidated = true, updated_at = :now
                        where id = :id and client_id = :client
                        """)
                .param("now", utc(now))
                .param("id", grantId)
                .param("client", clientId.toString())
                .update();
        record(
                client,
                Issuer.valueOf(environment.getFirst()),
                GrantRecorded.Action.GRANT_REVOKED,
                "A team member revoked one grant; its tokens no longer work",
                user,
                now);
    }

    /** Ends every live authorization of the client, at both issuers; returns how many there were. */
    @Transactional
    public int revokeAll(UUID clientId) {
        ClientDetails client = requireAccess(clientId);
        PortalUser user = currentUser.require();
        Instant now = clock.instant();
        Map<String, Long> byIssuer = jdbc
                .sql("select environment from oauth_authorization where client_id = :client and " + LIVE
                        + " for update")
                .param("client", clientId.toString())
                .param("now", utc(now))
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (byIssuer.isEmpty()) {
            return 0;
        }
        int revoked = jdbc.sql("update oauth_authorization set code_invalidated = true, access_invalidated = true,"
                        + " refresh_invalidated = true, updated_at = :now where client_id = :client and " + LIVE)
                .param("now", utc(now))
                .param("client", clientId.toString())
                .update();
        byIssuer.forEach((issuer, count) -> record(
                client,
                Issuer.valueOf(issuer),
                GrantRecorded.Action.ALL_GRANTS_REVOKED,
                count == 1
                        ? "1 grant ended; its tokens no longer work"
                        : count + " grants ended; their tokens no longer work",
                user,
                now));
        return revoked;
    }

    /** The client, when the current user is a member of its team or an admin; "not found" otherwise. */
    private ClientDetails requireAccess(UUID clientId) {
        PortalUser user = currentUser.require();
        ClientDetails client = directory.byId(clientId).orElseThrow(ClientNotFoundException::new);
        if (user.hasRole(Role.ADMIN)) {
            return client;
        }
        try {
            teams.requireMembership(client.teamId());
        } catch (TeamNotFoundException e) {
            throw new ClientNotFoundException();
        }
        return client;
    }

    /** Consent is given by members of the client's team, so their names are known to it; admins see subjects. */
    private Function<String, String> endUserNames(ClientDetails client) {
        if (!teams.isMember(client.teamId())) {
            return Function.identity();
        }
        Map<String, String> names = teams.members(client.teamId()).stream()
                .collect(Collectors.toMap(MemberSummary::subject, MemberSummary::displayName, (a, b) -> a));
        return subject -> names.getOrDefault(subject, subject);
    }

    private void record(
            ClientDetails client,
            Issuer issuer,
            GrantRecorded.Action action,
            String detail,
            PortalUser user,
            Instant now) {
        events.publishEvent(new GrantRecorded(
                client.id(),
                client.teamId(),
                issuer,
                action,
                null,
                detail,
                user.subject(),
                user.displayName(),
                now,
                null,
                null));
    }

    private static List<String> scopes(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(" ")).sorted().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** As {@link AuthorizationStore} writes its times. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.from(instant);
    }
}
