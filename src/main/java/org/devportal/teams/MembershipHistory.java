package org.devportal.teams;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The periods in which each user was a member of each team, written whenever someone joins or leaves. Memberships
 * themselves are deleted when a member leaves; this history stays, for the four-eyes rule.
 */
@Component
class MembershipHistory {

    private final JdbcTemplate jdbc;

    MembershipHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void joined(UUID teamId, String subject, Instant at) {
        jdbc.update(
                "insert into team_membership_period (id, team_id, user_subject, joined_at) values (?, ?, ?, ?)",
                UUID.randomUUID(),
                teamId,
                subject,
                Timestamp.from(at));
    }

    void left(UUID teamId, String subject, Instant at) {
        jdbc.update(
                "update team_membership_period set left_at = ? where team_id = ? and user_subject = ? and left_at is null",
                Timestamp.from(at),
                teamId,
                subject);
    }

    /** Whether the user was a member of the team at any moment from {@code since} until now. */
    boolean memberAtAnyTimeSince(UUID teamId, String subject, Instant since) {
        Integer periods = jdbc.queryForObject("""
                select count(*) from team_membership_period
                where team_id = ? and user_subject = ? and (left_at is null or left_at >= ?)""", Integer.class, teamId, subject, Timestamp.from(since));
        return periods != null && periods > 0;
    }
}
