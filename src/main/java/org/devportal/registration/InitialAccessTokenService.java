package org.devportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's initial access tokens for the sandbox registration API: created, listed and revoked by the team's
 * members. Every method checks the current user's membership itself; another team's tokens are "not found".
 * A token's value exists only in the return value of {@link #create}.
 */
@Service
public class InitialAccessTokenService {

    public static final int MAX_USES = 100;

    private final InitialAccessTokenRepository tokens;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final PortalProperties portal;
    private final Clock clock;

    InitialAccessTokenService(
            InitialAccessTokenRepository tokens,
            TeamService teams,
            CurrentUser currentUser,
            PortalProperties portal,
            Clock clock) {
        this.tokens = tokens;
        this.teams = teams;
        this.currentUser = currentUser;
        this.portal = portal;
        this.clock = clock;
    }

    /** Where automation registers clients with a token: the sandbox's registration endpoint. */
    public String registrationEndpoint() {
        return portal.url(ClientRegistrationEndpoint.PATH);
    }

    /** Creates a token for the team, to be shown exactly once. */
    @Transactional
    public NewInitialAccessToken create(UUID teamId, TokenLifetime lifetime, Integer maxUses) {
        teams.requireMembership(teamId);
        PortalUser user = currentUser.require();
        if (lifetime == null) {
            throw new InvalidInputException("lifetime", "Choose how long the token works");
        }
        if (maxUses == null || maxUses < 1 || maxUses > MAX_USES) {
            throw new InvalidInputException(
                    "maxUses", "Allow between 1 and " + MAX_USES + " registrations with one token");
        }
        RegistrationToken token = RegistrationToken.generate(RegistrationToken.Kind.INITIAL_ACCESS);
        Instant now = clock.instant();
        StoredInitialAccessToken stored =
                tokens.save(new StoredInitialAccessToken(teamId, token, user.displayName(), now, lifetime, maxUses));
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

    /** Revokes one of the team's tokens at once; clients it registered stay. */
    @Transactional
    public InitialAccessTokenView revoke(UUID teamId, UUID tokenId) {
        teams.requireMembership(teamId);
        PortalUser user = currentUser.require();
        StoredInitialAccessToken token = tokens.findInTeam(tokenId, teamId).orElseThrow(TeamNotFoundException::new);
        Instant now = clock.instant();
        token.revoke(user.displayName(), now);
        return token.view(now);
    }
}
