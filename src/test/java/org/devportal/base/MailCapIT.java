package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cap on e-mails per recipient and hour, counted in the database. */
class MailCapIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_recipient_gets_at_most_the_cap_in_an_hour_and_more_once_the_hour_has_passed() {
        MailCap cap = new MailCap(jdbc, clock, 3);
        String recipient = "flooded-" + UUID.randomUUID() + "@example.com";

        assertThat(cap.allow(recipient)).isTrue();
        assertThat(cap.allow(recipient)).isTrue();
        assertThat(cap.allow(recipient.toUpperCase())).isTrue();
        assertThat(cap.allow(recipient)).isFalse();
        assertThat(cap.allow("someone-else-" + UUID.randomUUID() + "@example.com"))
                .isTrue();

        clock.advance(Duration.ofMinutes(61));
        assertThat(cap.allow(recipient)).isTrue();
    }
}
