package org.devportal.security.idp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the identity provider's e-mails through {@code spring.mail.*}. Without a mail server, links are written
 * to the log only when {@code portal.idp.log-links-without-mail} is on, which only the demo profile does.
 */
@Component
class AccountMailer {

    private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final IdpProperties properties;

    AccountMailer(ObjectProvider<JavaMailSender> mailSender, IdpProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    void sendVerification(String to, String name, String link) {
        send(to, "Verify your e-mail address", """
                Hello %s,

                Confirm that this is your e-mail address by opening this link:

                %s

                The link works once, for %s. If you did not create an account, ignore this e-mail.
                """.formatted(name, link, describe(properties.verificationLinkValidity())), link);
    }

    void sendAlreadyRegistered(String to, String signInLink, String resetLink) {
        send(to, "You already have an account", """
                Hello,

                Someone, perhaps you, tried to create an account with this e-mail address, but it already has one.

                Sign in: %s
                Forgotten your password? Reset it: %s

                If it was not you, you can ignore this e-mail; your account has not changed.
                """.formatted(signInLink, resetLink), null);
    }

    void sendPasswordReset(String to, String name, String link) {
        send(to, "Reset your password", """
                Hello %s,

                Choose a new password by opening this link:

                %s

                The link works once, for %s. If you did not ask for it, ignore this e-mail; your password has not changed.
                """.formatted(name, link, describe(properties.resetLinkValidity())), link);
    }

    private void send(String to, String subject, String body, String link) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl configured
                && (configured.getHost() == null || configured.getHost().isBlank())) {
            // spring.mail.host set to an empty value, as a compose file does when mail is not wanted.
            sender = null;
        }
        if (sender == null) {
            if (properties.logLinksWithoutMail()) {
                log.info("No mail server configured. E-mail to {} \"{}\"{}", to, subject,
                        link == null ? "" : ": " + link);
            } else {
                log.warn("No mail server configured (spring.mail.host); e-mail \"{}\" to {} was not sent", subject, to);
            }
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            // The account change itself has been saved; the user can ask for a new e-mail.
            log.error("Could not send e-mail \"{}\" to {}: {}", subject, to, e.getClass().getSimpleName());
        }
    }

    private static String describe(java.time.Duration duration) {
        long hours = duration.toHours();
        if (hours >= 1 && duration.toMinutesPart() == 0) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
