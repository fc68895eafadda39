package org.devportal.review;

import java.util.Locale;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Mailer;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientLifecycle;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.Role;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.teams.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident response for approved clients: suspend one at the production issuer at once, reinstate it, or take its
 * approval away (docs/client-rules.md, suspension and revocation). Only reviewers and administrators may, and each
 * action needs a reason, which the team reads in the portal, the client's contacts by e-mail, and the history keeps.
 */
@Service
public class ProductionAccessService {

    static final int MAX_REASON = 2000;

    private final ClientLifecycle lifecycle;
    private final ClientDirectory directory;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final PortalProperties portal;
    private final StepUp stepUp;

    ProductionAccessService(
            ClientLifecycle lifecycle,
            ClientDirectory directory,
            TeamService teams,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Mailer mailer,
            PortalProperties portal,
            StepUp stepUp) {
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.teams = teams;
        this.currentUser = currentUser;
        this.events = events;
        this.mailer = mailer;
        this.portal = portal;
        this.stepUp = stepUp;
    }

    /** What production does with the client now, for a reviewer or administrator. */
    @Transactional(readOnly = true)
    public ProductionAccess of(UUID clientId) {
        requireReviewerOrAdmin();
        ClientDetails client = directory.byId(clientId).orElseThrow(ClientNotFoundException::new);
        return ProductionAccess.of(client);
    }

    /** Stops the client at the production issuer at once: authorization, tokens and introspection. */
    @Transactional
    public ProductionAccess suspend(UUID clientId, String reason) {
        PortalUser actor = requireReviewerOrAdmin();
        String why = reason(reason);
        stepUp.require(StepUpAction.SUSPEND_CLIENT);
        ClientDetails client = act(() -> lifecycle.suspend(clientId, actor.subject(), actor.displayName(), why));
        tell(client, ProductionAccessChanged.Action.SUSPENDED, actor, why);
        return ProductionAccess.of(client);
    }

    /**
     * Lets production serve the suspended client again. A reviewer who is a member of the client's team may not: that
     * would let one person restore their own team's access (four-eyes rule).
     */
    @Transactional
    public ProductionAccess reinstate(UUID clientId, String reason) {
        PortalUser actor = requireReviewerOrAdmin();
        String why = reason(reason);
        ClientDetails current = directory.byId(clientId).orElseThrow(ClientNotFoundException::new);
        if (!actor.hasRole(Role.ADMIN) && teams.isMember(current.teamId())) {
            throw new FourEyesException(FourEyesException.Reason.MEMBER);
        }
        ClientDetails client = act(() -> lifecycle.reinstate(clientId, actor.subject(), actor.displayName(), why));
        tell(client, ProductionAccessChanged.Action.REINSTATED, actor, why);
        return ProductionAccess.of(client);
    }

    /**
     * Takes the approval away after the actor typed the client's name: every production code and token of the client
     * is revoked, and the team gets it back as not approved.
     */
    @Transactional
    public ProductionAccess revokeApproval(UUID clientId, String reason, String typedName) {
        PortalUser actor = requireReviewerOrAdmin();
        String why = reason(reason);
        ClientDetails current = directory.byId(clientId).orElseThrow(ClientNotFoundException::new);
        if (typedName == null || !typedName.strip().equals(current.name())) {
            throw new InvalidInputException("confirmation", "Type the client's name exactly as shown to revoke");
        }
        ClientDetails client = act(() -> lifecycle.revokeApproval(clientId, actor.subject(), actor.displayName(), why));
        tell(client, ProductionAccessChanged.Action.APPROVAL_REVOKED, actor, why);
        return ProductionAccess.of(client);
    }

    private PortalUser requireReviewerOrAdmin() {
        PortalUser user = currentUser.require();
        if (!user.hasRole(Role.REVIEWER) && !user.hasRole(Role.ADMIN)) {
            throw new CurrentUser.AccessDeniedException(Role.REVIEWER);
        }
        return user;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason: the team and the client's contacts read it");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "Keep the reason under " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    /** Runs a lifecycle step; a move the client's state does not allow becomes an error the actor can read. */
    private static ClientDetails act(java.util.function.Supplier<ClientDetails> step) {
        try {
            return step.get();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
    }

    private void tell(ClientDetails client, ProductionAccessChanged.Action action, PortalUser actor, String reason) {
        ProductionAccessChanged changed = new ProductionAccessChanged(
                client.id(), client.teamId(), client.name(), action, actor.displayName(), reason);
        events.publishEvent(changed);
        String link = portal.url("/clients/" + client.id());
        String body = changed.summary() + ".\n\nReason: " + reason + "\n\n"
                + switch (action) {
                    case SUSPENDED ->
                        "The production issuer refuses the client's authorization and token requests, and its "
                                + "existing tokens no longer work, until it is reinstated.";
                    case REINSTATED -> "The production issuer serves the client again, as last approved.";
                    case APPROVAL_REVOKED ->
                        "Every production token of the client has been revoked. The client works in the sandbox "
                                + "only; submit it for review again to return to production.";
                }
                + "\n\nOpen the client: " + link;
        for (String contact : client.contacts()) {
            mailer.send(contact, capitalised(changed.summary()), body, link);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
