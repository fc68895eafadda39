package org.devportal.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has read which notification: one row per notification and reader, since a team's notification is read by
 * each member on their own. A notification without a row for the user is unread.
 */
@Component
class ReadMarks {

    /** The notifications addressed to a user's teams or roles that the user has no read mark on. */
    private static final String UNREAD_OF_TEAMS = """
            from notification n where n.team_id in (:teams) and not exists (
              select 1 from notification_read r where r.notification_id = n.id and r.user_subject = :subject)""";

    private static final String UNREAD_OF_ROLES = """
            from notification n where n.audience_role in (:roles) and not exists (
              select 1 from notification_read r where r.notification_id = n.id and r.user_subject = :subject)""";

    private final NamedParameterJdbcTemplate jdbc;

    ReadMarks(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * One statement: the team part and the role part each use their own index ({@code team_id, created_at} and
     * {@code audience_role, created_at}), and the read marks are looked up by their primary key. A notification goes
     * to a team or to a role, never both, so the sum counts none twice.
     */
    int unread(Audience audience) {
        Integer count = jdbc.queryForObject(
                "select (select count(*) " + UNREAD_OF_TEAMS + ") + (select count(*) " + UNREAD_OF_ROLES + ")",
                parameters(audience),
                Integer.class);
        return count == null ? 0 : count;
    }

    Set<UUID> readAmong(String subject, Collection<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select notification_id from notification_read where user_subject = :subject"
                        + " and notification_id in (:ids)",
                Map.of("subject", subject, "ids", notificationIds),
                UUID.class));
    }

    void markRead(UUID notificationId, String subject, Instant at) {
        // "insert ignore": opening the same item in two tabs is not an error.
        jdbc.update(
                "insert ignore into notification_read (notification_id, user_subject, read_at)"
                        + " values (:id, :subject, :at)",
                Map.of("id", notificationId, "subject", subject, "at", Timestamp.from(at)));
    }

    void markUnread(UUID notificationId, String subject) {
        jdbc.update(
                "delete from notification_read where notification_id = :id and user_subject = :subject",
                Map.of("id", notificationId, "subject", subject));
    }

    /** Marks everything addressed to the user read, in two statements whatever the number of notifications. */
    void markAllRead(Audience audience, Instant at) {
        Map<String, Object> parameters = new java.util.HashMap<>(parameters(audience));
        parameters.put("at", Timestamp.from(at));
        for (String unread : List.of(UNREAD_OF_TEAMS, UNREAD_OF_ROLES)) {
            jdbc.update(
                    "insert ignore into notification_read (notification_id, user_subject, read_at)"
                            + " select n.id, :subject, :at " + unread,
                    parameters);
        }
    }

    private static Map<String, Object> parameters(Audience audience) {
        // An empty "in ()" list is not valid SQL; a value no row holds stands in for none.
        return Map.of(
                "subject", audience.subject(),
                "teams", audience.teamIds().isEmpty() ? List.of(new UUID(0, 0)) : audience.teamIds(),
                "roles", audience.roles().isEmpty() ? List.of("-") : audience.roles());
    }
}
