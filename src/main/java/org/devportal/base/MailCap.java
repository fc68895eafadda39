package org.devportal.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At most so many e-mails to one recipient per hour, counted in the database so that every node shares the count.
 * Whoever asks the portal to mail an address (sign-up, reset, invitations, notices to contacts) cannot flood it.
 */
final class MailCap {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perHour;

    MailCap(JdbcTemplate jdbc, Clock clock, int perHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Counts a message to the recipient if the cap allows it; false when the hour's allowance is used up. */
    boolean allow(String recipient) {
        String hash = hash(recipient);
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.update("delete from mail_sent where recipient_hash = ? and sent_at < ?", hash, windowStart);
        Integer sent = jdbc.queryForObject(
                "select count(*) from mail_sent where recipient_hash = ? and sent_at >= ?",
                Integer.class,
                hash,
                windowStart);
        if (sent != null && sent >= perHour) {
            return false;
        }
        jdbc.update("insert into mail_sent (recipient_hash, sent_at) values (?, ?)", hash, Timestamp.from(now));
        return true;
    }

    private static String hash(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(recipient.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
