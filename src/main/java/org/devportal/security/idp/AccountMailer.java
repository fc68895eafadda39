package org.devportal.security.idp;

import org.devportal.base.Mailer;
import org.springframework.stereotype.Component;

/** Writes the identity provider's e-mails: verification, already-registered and password reset. */
@Component
class AccountMailer {

    private final Mailer mailer;
    private final IdpProperties properties;

    AccountMailer(Mailer mailer, IdpProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    void sendVerification(String to, String name, String link) {
        send(
                to,
                "Verify your e-mail address",
                """
                Hello %s,

                Confirm that this is your e-mail address by opening this link:

                %s

                The link works once, for %s. If you did not create an account, ignore this e-mail.
                """.formatted(name, link, describe(properties.verificationLinkValidity())),
                link);
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

    boolean linksGoToTheLog() {
        return mailer.linksGoToTheLog();
    }

    private void send(String to, String subject, String body, String link) {
        mailer.send(to, subject, body, link);
    }

    private static String describe(java.time.Duration duration) {
        long hours = duration.toHours();
        if (hours >= 1 && duration.toMinutesPart() == 0) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
