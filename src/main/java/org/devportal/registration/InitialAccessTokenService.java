package org.devportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.teams.TeamMembership;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's initial access tokens for the registration API: created, listed and revoked by the team's members.
 * Every method checks the current user's membership itself; another team's tokens are "not found". A token's
 * value exists only in the return value of {@link #create}.
 *
 * <p>A sandbox token can be created by any member. A production token only by an owner: every client it registers
 * goes to production review in the team's name, which is the owners' call, as inviting members is.
 */
@Service
public class InitialAccessTokenService {

    public static final int MAX_USES = 100;

    private final InitialAccessTokenRepository tokens;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final PortalProperties portal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InitialAccessTokenService(
            InitialAccessTokenRepository tokens,
            TeamService teams,
            CurrentUser currentUser,
            PortalProperties portal,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.teams = teams;
        this.currentUser = currentUser;
        this.portal = portal;
        this.events = events;
        this.clock = clock;
    }

    /** Where automation registers clients with a sandbox token: the sandbox's registration endpoint. */
    public String registrationEndpoint() {
        return registrationEndpoint(Environment.SANDBOX);
    }

    /** Where automation registers clients with a token of the environment. */
    public String registrationEndpoint(Environment environment) {
        return portal.url(
                environment == Environment.PRODUCTION
                        ? ClientRegistrationEndpoint.PRODUCTION_PATH
                        : ClientRegistrationEndpoint.PATH);
    }

    /** Whether the current user may create production tokens for the team: its owners may. */
    @Transactional(readOnly = true)
    public boolean mayCreateProductionTokens(UUID teamId) {
        return teams.requireMembership(teamId).role() == TeamRole.OWNER;
    }

    /** Creates a sandbox token for the team, to be shown exactly once. */
    @Transactional
    public NewInitialAccessToken create(UUID teamId, TokenLifetime lifetime, Integer maxUses) {
        return create(teamId, Environment.SANDBOX, lifetime, maxUses);
    }

    /** Creates a token for the team that registers clients in the environment, to be shown exactly once. */
    @Transactional
    public NewInitialAccessToken create(UUID teamId, Environment environment, TokenLifetime lifetime, Integer maxUses) {
        TeamMembership membership = teams.requireMembership(teamId);
        PortalUser user = currentUser.require();
        if (environment == null) {
            throw new InvalidInputException("environment", "Choose where the token registers clients");
        }
        if (environment == Environment.PRODUCTION && membership.role() != TeamRole.OWNER) {
            throw new InvalidInputException(
                    "environment",
                    "Only the team's owners can create production tokens: every client registered with one goes"
                            + " to production review in the team's name");
        }
        if (lifetime == null) {
            throw new InvalidInputException("lifetime", "Choose how long the token works");
        }
        if (maxUses == null || maxUses < 1 || maxUses > MAX_USES) {
            throw new InvalidInputException(
                    "maxUses", "Allow between 1 and " + MAX_USES + " registrations with one token");
        }
        RegistrationToken token = RegistrationToken.generate(RegistrationToken.Kind.INITIAL_ACCESS);
        Instant now = clock.instant();
        StoredInitialAccessToken stored = tokens.save(
                new StoredInitialAccessToken(teamId, environment, token, user.displayName(), now, lifetime, maxUses));
        publish(stored, InitialAccessTokenChanged.Action.CREATED, user, now);
        return new NewInitialAccessToken(token, stored.view(now));
    }

    /** The team's tokens, newest first, in every state. */
    @Transactional(readOnly = true)
    public List<InitialAccessTokenView> list(UUID teamId) {
        teams.requireMembership(teamId);
        Instant now = clock.instant();
        return tokens.findByTeamNewestFirst(teamId).stream()
                .map(token -> token.view(now))
                .toList();
    }

    /**
     * Revokes one of the team's tokens at once; clients it registered stay. A production token is revoked by the
     * owners who alone can create one.
     */
    @Transactional
    public InitialAccessTokenView revoke(UUID teamId, UUID tokenId) {
        TeamMembership membership = teams.requireMembership(teamId);
        PortalUser user = currentUser.require();
        StoredInitialAccessToken token = tokens.findInTeam(tokenId, teamId).orElseThrow(TeamNotFoundException::new);
        if (token.environment() == Environment.PRODUCTION && membership.role() != TeamRole.OWNER) {
            throw new InvalidInputException("token", "Only the team's owners can revoke production tokens");
        }
        Instant now = clock.instant();
        if (token.statusAt(now) != InitialAccessTokenStatus.REVOKED) {
            token.revoke(user.displayName(), now);
            publish(token, InitialAccessTokenChanged.Action.REVOKED, user, now);
        }
        return token.view(now);
    }

    private void publish(
            StoredInitialAccessToken token, InitialAccessTokenChanged.Action action, PortalUser user, Instant now) {
        events.publishEvent(new InitialAccessTokenChanged(
                token.teamId(),
                null,
                null,
                action,
                token.environment(),
                token.displayHint(),
                token.usesLeft(),
                user.subject(),
                user.displayName(),
                now));
    }
}
