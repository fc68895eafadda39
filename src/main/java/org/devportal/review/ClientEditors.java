package org.devportal.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.devportal.clients.ClientChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers who registered or edited each client, for the four-eyes rule. It listens synchronously, inside the
 * editing transaction: an edit is never saved without its editor being on record.
 */
@Component
class ClientEditors {

    private final JdbcTemplate jdbc;

    ClientEditors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ClientChanged event) {
        if (event.action() == ClientChanged.Action.REGISTERED || event.action() == ClientChanged.Action.UPDATED) {
            jdbc.update(
                    "insert into review_client_edit (id, client_id, editor_subject, edited_at) values (?, ?, ?, ?)",
                    UUID.randomUUID(),
                    event.clientId(),
                    event.actorSubject(),
                    Timestamp.from(event.at()));
        }
    }

    /** Whether the user registered or edited the client after {@code since} (null: ever). */
    boolean editedSince(UUID clientId, String subject, Instant since) {
        Integer edits = jdbc.queryForObject(
                """
                select count(*) from review_client_edit
                where client_id = ? and editor_subject = ? and edited_at > ?""", Integer.class, clientId, subject, Timestamp.from(since == null ? Instant.EPOCH : since));
        return edits != null && edits > 0;
    }
}
