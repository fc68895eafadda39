package org.devportal.base;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the portal's e-mails through {@code spring.mail.*}. Without a mail server, a message's link is written to
 * the log only when {@code portal.mail.log-links-without-server} is on, which only the demo profile does.
 * A failed delivery is logged and swallowed: the change that triggered the e-mail has already been saved, and the
 * user can ask for the e-mail again. No recipient gets more than {@code portal.mail.per-recipient-per-hour} e-mails an
 * hour; further ones are dropped with a warning in the log.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final boolean logLinksWithoutServer;
    private final MailCap cap;

    Mailer(
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${portal.mail.from:no-reply@localhost}") String from,
            @Value("${portal.mail.log-links-without-server:false}") boolean logLinksWithoutServer,
            @Value("${portal.mail.per-recipient-per-hour:20}") int perRecipientPerHour,
            JdbcTemplate jdbc,
            Clock clock) {
        this.mailSender = mailSender;
        this.from = from;
        this.logLinksWithoutServer = logLinksWithoutServer;
        this.cap = new MailCap(jdbc, clock, perRecipientPerHour);
    }

    /** Whether e-mailed links end up in the server log instead of a mailbox: the demo profile without a server. */
    public boolean linksGoToTheLog() {
        return logLinksWithoutServer && configuredSender() == null;
    }

    private JavaMailSender configuredSender() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl configured
                && (configured.getHost() == null || configured.getHost().isBlank())) {
            // spring.mail.host set to an empty value, as a compose file does when mail is not wanted.
            return null;
        }
        return sender;
    }

    /**
     * Sends a plain-text e-mail.
     *
     * @param link the one link the message is about, logged in demo mode when there is no mail server; may be null
     */
    public void send(String to, String subject, String body, String link) {
        if (!cap.allow(to)) {
            log.warn("E-mail \"{}\" not sent: its recipient has had the most e-mails allowed in an hour", subject);
            return;
        }
        JavaMailSender sender = configuredSender();
        if (sender == null) {
            if (logLinksWithoutServer) {
                log.info(
                        "No mail server configured. E-mail to {} \"{}\"{}",
                        to,
                        subject,
                        link == null ? "" : ": " + link);
            } else {
                log.warn("No mail server configured (spring.mail.host); e-mail \"{}\" to {} was not sent", subject, to);
            }
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error(
                    "Could not send e-mail \"{}\" to {}: {}",
                    subject,
                    to,
                    e.getClass().getSimpleName());
        }
    }
}
