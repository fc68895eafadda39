package org.devportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.security.CurrentUser;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration access tokens of a team's clients, as its members see and revoke them. Every method checks the
 * current user's membership itself; another team's tokens are "not found". Values are never shown: the API hands
 * each one out once, and only hashes are kept.
 */
@Service
public class RegistrationAccessTokenService {

    private final RegistrationAccessTokenRepository tokens;
    private final ClientDirectory directory;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final Clock clock;

    RegistrationAccessTokenService(
            RegistrationAccessTokenRepository tokens,
            ClientDirectory directory,
            TeamService teams,
            CurrentUser currentUser,
            Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.teams = teams;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The tokens of the team's clients that were registered through the API and still exist, newest first. */
    @Transactional(readOnly = true)
    public List<RegistrationAccessTokenView> list(UUID teamId) {
        teams.requireMembership(teamId);
        Instant now = clock.instant();
        return tokens.findByTeamNewestFirst(teamId).stream()
                .flatMap(token ->
                        directory
                                .byId(token.clientId())
                                .map(ClientDetails::name)
                                .map(name -> token.view(name, now))
                                .stream())
                .toList();
    }

    /**
     * Revokes the client's token at once; the API then refuses it, and the one before it. The client stays, and
     * the team manages it in the portal.
     */
    @Transactional
    public RegistrationAccessTokenView revoke(UUID teamId, UUID tokenId) {
        teams.requireMembership(teamId);
        String actor = currentUser.require().displayName();
        StoredRegistrationAccessToken token =
                tokens.findInTeam(tokenId, teamId).orElseThrow(TeamNotFoundException::new);
        Instant now = clock.instant();
        token.revoke(actor, now);
        String name = directory.byId(token.clientId()).map(ClientDetails::name).orElse("Deleted client");
        return token.view(name, now);
    }
}
