/**
 * Teams: groups of developers who own clients together, their memberships (owner or developer) and e-mail
 * invitations. Publishes {@link org.devportal.teams.TeamService#requireMembership} for every other module's access
 * checks: a user who is not a member of a team gets "not found", never its data. Keeps the history of who was a member
 * when ({@link org.devportal.teams.TeamService#currentUserWasMemberSince}), for the four-eyes rule. Publishes
 * {@link org.devportal.teams.TeamChanged} for every membership, role and invitation change, including invitations
 * that expired unused, which {@code InvitationExpiryJob} notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams")
package org.devportal.teams;
