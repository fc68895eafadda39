package org.devportal.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.devportal.base.EmailAddress;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.base.LinkToken;
import org.devportal.base.Mailer;
import org.devportal.base.PortalProperties;
import org.devportal.base.RateLimits;
import org.devportal.base.TeamAccess;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of teams. Every method checks the current user's membership itself; anything in a team the user
 * does not belong to is "not found". Every change of a membership or an invitation is published as a
 * {@link TeamChanged}, in the same transaction, for the audit log.
 */
@Service
public class TeamService implements TeamAccess {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final String INVITATION_PATH = "/invitation";

    private final TeamRepository teams;
    private final MembershipRepository members;
    private final InvitationRepository invitations;
    private final CurrentUser currentUser;
    private final Mailer mailer;
    private final PortalProperties portal;
    private final RateLimits rateLimits;
    private final TeamsProperties properties;
    private final MembershipHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamService(
            TeamRepository teams,
            MembershipRepository members,
            InvitationRepository invitations,
            CurrentUser currentUser,
            Mailer mailer,
            PortalProperties portal,
            RateLimits rateLimits,
            TeamsProperties properties,
            MembershipHistory history,
            ApplicationEventPublisher events,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.mailer = mailer;
        this.portal = portal;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** The current user's teams, personal team first. A user who has none gets a personal team. */
    @Transactional
    public List<TeamSummary> myTeams() {
        PortalUser user = currentUser.require();
        List<Membership> memberships = members.findBySubjectOrderByJoinedAt(user.subject());
        if (memberships.isEmpty()) {
            memberships = List.of(createPersonalTeam(user));
        } else {
            memberships.forEach(m -> m.refreshProfile(user.email(), user.displayName()));
        }
        Map<UUID, Team> byId = teams
                .findAllById(memberships.stream().map(Membership::teamId).toList())
                .stream()
                .collect(Collectors.toMap(Team::getId, Function.identity()));
        return memberships.stream()
                .map(m -> summary(byId.get(m.teamId()), m.role()))
                .sorted(Comparator.comparing(TeamSummary::personal).reversed().thenComparing(TeamSummary::name))
                .toList();
    }

    /**
     * The team the current user worked in last, which sign-in and "Your clients" open: the one whose pages they
     * opened most recently, or their first team (the personal one) until they have opened any.
     */
    @Transactional
    public TeamSummary lastUsedTeam() {
        List<TeamSummary> mine = myTeams();
        return members.findBySubjectOrderByJoinedAt(currentUser.require().subject()).stream()
                .filter(membership -> membership.lastUsedAt() != null)
                .max(Comparator.comparing(Membership::lastUsedAt))
                .flatMap(membership -> mine.stream()
                        .filter(team -> team.id().equals(membership.teamId()))
                        .findFirst())
                .orElse(mine.getFirst());
    }

    /**
     * Remembers the team as the one the current user works in now. A team they do not belong to changes nothing,
     * and says nothing about whether it exists.
     */
    @Transactional
    public void rememberTeamUsed(UUID teamId) {
        if (teamId != null) {
            members.markUsed(teamId, currentUser.require().subject(), clock.instant());
        }
    }

    /** Creates a team with the current user as its owner. */
    @Transactional
    public TeamSummary createTeam(String name) {
        PortalUser user = currentUser.require();
        Team team = teams.save(new Team(teamName(name), false, clock.instant()));
        join(new Membership(
                team.getId(), user.subject(), user.email(), user.displayName(), TeamRole.OWNER, clock.instant()));
        return summary(team, TeamRole.OWNER);
    }

    @Transactional
    public TeamSummary renameTeam(UUID teamId, String name) {
        requireOwner(teamId);
        Team team = teams.findById(teamId).orElseThrow(TeamNotFoundException::new);
        team.rename(teamName(name));
        return summary(team, TeamRole.OWNER);
    }

    /** Whether the current user belongs to the team; unlike {@link #requireMembership}, never throws. */
    @Transactional(readOnly = true)
    public boolean isMember(UUID teamId) {
        PortalUser user = currentUser.require();
        return teamId != null
                && members.findByTeamIdAndSubject(teamId, user.subject()).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public void requireMember(UUID teamId) {
        membership(teamId);
    }

    /** The current user's membership of the team; "not found" when they have none. */
    @Transactional(readOnly = true)
    public TeamMembership requireMembership(UUID teamId) {
        Membership membership = membership(teamId);
        Team team = teams.findById(teamId).orElseThrow(TeamNotFoundException::new);
        return new TeamMembership(teamId, team.name(), membership.role());
    }

    @Transactional(readOnly = true)
    public TeamSummary team(UUID teamId) {
        Membership membership = membership(teamId);
        return summary(teams.findById(teamId).orElseThrow(TeamNotFoundException::new), membership.role());
    }

    /** Every team's name by id, sorted by name, for administrators' filters. */
    @Transactional(readOnly = true)
    public Map<UUID, String> teamNamesForAdministrators() {
        currentUser.requireRole(org.devportal.security.Role.ADMIN);
        Map<UUID, String> names = new java.util.LinkedHashMap<>();
        teams.findAll().stream()
                .sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(team -> names.put(team.getId(), team.name()));
        return names;
    }

    /**
     * The team's name, without a membership check: for machine callers whose authority over the team is a token
     * they have already checked (a production registration submitting its client for review).
     */
    @Transactional(readOnly = true)
    public String nameOf(UUID teamId) {
        return teams.findById(teamId).orElseThrow(TeamNotFoundException::new).name();
    }

    @Transactional(readOnly = true)
    public List<MemberSummary> members(UUID teamId) {
        String me = membership(teamId).subject();
        return members.findByTeamIdOrderByJoinedAt(teamId).stream()
                .map(m -> new MemberSummary(
                        m.subject(),
                        m.email(),
                        m.displayName(),
                        m.role(),
                        m.joinedAt(),
                        m.subject().equals(me)))
                .toList();
    }

    /**
     * Invites an e-mail address to the team and e-mails a single-use link that works for 7 days. Inviting the
     * same address again replaces the earlier invitation.
     */
    @Transactional
    public InvitationSummary invite(UUID teamId, String email, TeamRole role) {
        Membership owner = requireOwner(teamId);
        EmailAddress address;
        try {
            address = EmailAddress.of(email == null ? "" : email.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email", e.getMessage());
        }
        if (role == null) {
            throw new InvalidInputException("role", "Choose the role the new member gets");
        }
        if (members.existsByTeamIdAndEmail(teamId, address.value())) {
            throw new InvalidInputException("email", address.value() + " is already a member of this team");
        }
        rateLimits.take("invitation", owner.subject(), properties.invitations());
        Instant now = clock.instant();
        for (Invitation old : invitations.findByTeamIdAndEmail(teamId, address.value())) {
            if (old.pendingAt(now)) {
                old.revoke(now);
                publish(
                        teamId,
                        TeamChanged.Action.INVITATION_REVOKED,
                        owner.subject(),
                        owner.displayName(),
                        invited(old));
            }
        }
        LinkToken token = LinkToken.generate();
        Invitation invitation = invitations.save(new Invitation(
                teamId, address.value(), role, token.hash(), owner.displayName(), now, now.plus(INVITATION_VALIDITY)));
        publish(teamId, TeamChanged.Action.INVITATION_SENT, owner.subject(), owner.displayName(), invited(invitation));
        Team team = teams.findById(teamId).orElseThrow(TeamNotFoundException::new);
        String link = portal.url(INVITATION_PATH) + "?token=" + token.value();
        mailer.send(
                address.value(),
                "Join " + team.name() + " on the developer portal",
                """
                Hello,

                %s invites you to join the team "%s" on the developer portal, as %s.

                Accept the invitation here: %s

                The link works once, for 7 days, and only for an account with this verified e-mail address.
                """.formatted(owner.displayName(), team.name(), role.label().toLowerCase(java.util.Locale.ROOT), link),
                link);
        return invitationSummary(invitation);
    }

    @Transactional(readOnly = true)
    public List<InvitationSummary> pendingInvitations(UUID teamId) {
        requireOwner(teamId);
        Instant now = clock.instant();
        return invitations.findByTeamIdOrderByCreatedAtDesc(teamId).stream()
                .filter(i -> i.pendingAt(now))
                .map(TeamService::invitationSummary)
                .toList();
    }

    @Transactional
    public void revokeInvitation(UUID invitationId) {
        Invitation invitation = invitations.findById(invitationId).orElseThrow(TeamNotFoundException::new);
        Membership owner = requireOwner(invitation.teamId());
        Instant now = clock.instant();
        if (invitation.pendingAt(now)) {
            invitation.revoke(now);
            publish(
                    invitation.teamId(),
                    TeamChanged.Action.INVITATION_REVOKED,
                    owner.subject(),
                    owner.displayName(),
                    invited(invitation));
        }
    }

    /** What the invitation page shows, for the signed-in user. */
    @Transactional(readOnly = true)
    public InvitationPreview previewInvitation(String token) {
        PortalUser user = currentUser.require();
        return findInvitation(token)
                .map(invitation -> preview(invitation, user))
                .orElse(InvitationPreview.of(InvitationPreview.Status.INVALID));
    }

    /**
     * Joins the team of an invitation. Only an account whose verified e-mail address is the invited one can.
     */
    @Transactional
    public TeamSummary acceptInvitation(String token) {
        PortalUser user = currentUser.require();
        Invitation invitation = findInvitation(token)
                .orElseThrow(() -> new InvalidInputException("invitation", InvitationPreview.Status.INVALID.message()));
        InvitationPreview preview = preview(invitation, user);
        if (preview.status() != InvitationPreview.Status.ACCEPTABLE) {
            throw new InvalidInputException("invitation", preview.status().message());
        }
        Instant now = clock.instant();
        invitation.accept(now);
        publish(
                invitation.teamId(),
                TeamChanged.Action.INVITATION_ACCEPTED,
                user.subject(),
                user.displayName(),
                invited(invitation));
        join(new Membership(
                invitation.teamId(), user.subject(), user.email(), user.displayName(), invitation.role(), now));
        return summary(teams.findById(invitation.teamId()).orElseThrow(), invitation.role());
    }

    /** Changes a member's role. A team always keeps at least one owner. */
    @Transactional
    public void changeRole(UUID teamId, String memberSubject, TeamRole role) {
        Membership owner = requireOwner(teamId);
        teams.lockById(teamId).orElseThrow(TeamNotFoundException::new);
        Membership member =
                members.findByTeamIdAndSubject(teamId, memberSubject).orElseThrow(TeamNotFoundException::new);
        if (member.role() == TeamRole.OWNER && role != TeamRole.OWNER) {
            requireAnotherOwner(teamId, "Make someone else an owner first: a team always keeps at least one owner");
        }
        TeamRole before = member.role();
        member.changeRole(role);
        if (before != role) {
            publish(
                    teamId,
                    TeamChanged.Action.ROLE_CHANGED,
                    owner.subject(),
                    owner.displayName(),
                    List.of(
                            new FieldChange("Member", null, described(member)),
                            new FieldChange("Role", before.label(), role.label())));
        }
    }

    /** Removes a member; owners remove anyone, and every member can leave. A team always keeps an owner. */
    @Transactional
    public void removeMember(UUID teamId, String memberSubject) {
        Membership me = membership(teamId);
        if (!me.subject().equals(memberSubject) && me.role() != TeamRole.OWNER) {
            throw new TeamNotFoundException();
        }
        teams.lockById(teamId).orElseThrow(TeamNotFoundException::new);
        Membership member =
                members.findByTeamIdAndSubject(teamId, memberSubject).orElseThrow(TeamNotFoundException::new);
        if (member.role() == TeamRole.OWNER) {
            requireAnotherOwner(teamId, "A team always keeps at least one owner; make someone else an owner first");
        }
        members.delete(member);
        history.left(teamId, memberSubject, clock.instant());
        boolean left = me.subject().equals(memberSubject);
        publish(
                teamId,
                left ? TeamChanged.Action.MEMBER_LEFT : TeamChanged.Action.MEMBER_REMOVED,
                me.subject(),
                me.displayName(),
                List.of(
                        new FieldChange("Member", described(member), null),
                        new FieldChange("Role", member.role().label(), null)));
    }

    /**
     * Records the expiry of invitations that expired unused, once each, as the portal: nobody acted, the time ran
     * out. Run by {@link InvitationExpiryJob}; needs no signed-in user.
     *
     * @return how many expiries were recorded
     */
    @Transactional
    public int recordExpiredInvitations() {
        Instant now = clock.instant();
        List<Invitation> expired = invitations.findExpiredUnrecorded(now);
        for (Invitation invitation : expired) {
            invitation.markExpiryRecorded(now);
            events.publishEvent(new TeamChanged(
                    invitation.teamId(),
                    TeamChanged.Action.INVITATION_EXPIRED,
                    TeamChanged.PORTAL_SUBJECT,
                    TeamChanged.PORTAL_NAME,
                    invitation.expiresAt(),
                    invited(invitation)));
        }
        return expired.size();
    }

    /**
     * Whether the current user is, or at any moment since {@code since} was, a member of the team; for the four-eyes
     * rule, which must also hold for someone who left a team and may be invited back.
     */
    @Transactional(readOnly = true)
    public boolean currentUserWasMemberSince(UUID teamId, Instant since) {
        PortalUser user = currentUser.require();
        return teamId != null && history.memberAtAnyTimeSince(teamId, user.subject(), since);
    }

    /** Adds a member. The new member is the actor: they created the team or accepted an invitation. */
    private Membership join(Membership membership) {
        Membership saved = members.save(membership);
        history.joined(saved.teamId(), saved.subject(), saved.joinedAt());
        events.publishEvent(new TeamChanged(
                saved.teamId(),
                TeamChanged.Action.MEMBER_ADDED,
                saved.subject(),
                saved.displayName(),
                saved.joinedAt(),
                List.of(
                        new FieldChange("Member", null, described(saved)),
                        new FieldChange("Role", null, saved.role().label()))));
        return saved;
    }

    private void publish(
            UUID teamId, TeamChanged.Action action, String actorSubject, String actorName, List<FieldChange> changes) {
        events.publishEvent(new TeamChanged(teamId, action, actorSubject, actorName, clock.instant(), changes));
    }

    private static String described(Membership member) {
        return member.email() == null ? member.displayName() : member.displayName() + " <" + member.email() + ">";
    }

    private static List<FieldChange> invited(Invitation invitation) {
        return List.of(
                new FieldChange("Invited address", null, invitation.email()),
                new FieldChange("Role", null, invitation.role().label()));
    }

    private void requireAnotherOwner(UUID teamId, String message) {
        if (members.countByTeamIdAndRole(teamId, TeamRole.OWNER) <= 1) {
            throw new InvalidInputException("role", message);
        }
    }

    private Membership createPersonalTeam(PortalUser user) {
        String name = user.displayName() == null || user.displayName().isBlank() ? "My team" : user.displayName();
        if (name.length() > TeamName.MAX_LENGTH) {
            name = name.substring(0, TeamName.MAX_LENGTH);
        }
        Team team = teams.save(new Team(new TeamName(name), true, clock.instant()));
        return join(new Membership(
                team.getId(), user.subject(), user.email(), user.displayName(), TeamRole.OWNER, clock.instant()));
    }

    private Membership membership(UUID teamId) {
        PortalUser user = currentUser.require();
        if (teamId == null) {
            throw new TeamNotFoundException();
        }
        return members.findByTeamIdAndSubject(teamId, user.subject()).orElseThrow(TeamNotFoundException::new);
    }

    private Membership requireOwner(UUID teamId) {
        Membership membership = membership(teamId);
        if (membership.role() != TeamRole.OWNER) {
            throw new InvalidInputException("team", "Only the team's owners can do this");
        }
        return membership;
    }

    private java.util.Optional<Invitation> findInvitation(String token) {
        try {
            return invitations.findByTokenHash(new LinkToken(token).hash());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private InvitationPreview preview(Invitation invitation, PortalUser user) {
        Team team = teams.findById(invitation.teamId()).orElseThrow();
        InvitationPreview.Status status = invitation.statusAt(clock.instant());
        if (status == InvitationPreview.Status.ACCEPTABLE) {
            if (members.findByTeamIdAndSubject(invitation.teamId(), user.subject())
                    .isPresent()) {
                status = InvitationPreview.Status.ALREADY_MEMBER;
            } else if (user.email() == null || !invitation.email().equalsIgnoreCase(user.email())) {
                status = InvitationPreview.Status.OTHER_ADDRESS;
            } else if (!user.emailVerified()) {
                status = InvitationPreview.Status.UNVERIFIED;
            }
        }
        return new InvitationPreview(
                status,
                team.name(),
                invitation.invitedBy(),
                invitation.email(),
                invitation.role(),
                invitation.expiresAt());
    }

    private TeamSummary summary(Team team, TeamRole role) {
        return new TeamSummary(
                team.getId(), team.name(), team.personal(), role, (int) members.countByTeamId(team.getId()));
    }

    private static InvitationSummary invitationSummary(Invitation invitation) {
        return new InvitationSummary(
                invitation.getId(),
                invitation.email(),
                invitation.role(),
                invitation.invitedBy(),
                invitation.createdAt(),
                invitation.expiresAt());
    }

    private static TeamName teamName(String name) {
        try {
            return new TeamName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("name", e.getMessage());
        }
    }
}
