package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailerTest {

    @Test
    void the_demo_without_a_mail_server_prints_links_to_the_log_and_pages_can_say_so() {
        assertThat(mailer(null, true).linksGoToTheLog()).isTrue();
    }

    @Test
    void with_a_mail_server_or_outside_the_demo_links_go_by_mail() {
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("smtp.example.com");

        assertThat(mailer(server, true).linksGoToTheLog()).isFalse();
        assertThat(mailer(null, false).linksGoToTheLog()).isFalse();
    }

    private static Mailer mailer(JavaMailSender sender, boolean logLinks) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return new Mailer(
                beans.getBeanProvider(JavaMailSender.class),
                "portal@example.com",
                logLinks,
                20,
                null,
                Clock.systemUTC());
    }
}
