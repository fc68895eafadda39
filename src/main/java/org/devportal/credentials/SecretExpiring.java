package org.devportal.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;
import org.devportal.base.Times;

/**
 * A secret in its grace period is about to expire, or has expired while still in use. The team hears about it in
 * the portal and the client's contacts by e-mail; the event carries the secret's display hint, never its value.
 *
 * @param stage how close the expiry is
 * @param lastUsedAt when the secret was last used, for {@link Stage#EXPIRED_IN_USE}; otherwise null
 */
public record SecretExpiring(
        UUID clientId,
        UUID teamId,
        String clientName,
        SecretEnvironment environment,
        String secretHint,
        Instant expiresAt,
        Stage stage,
        Instant lastUsedAt)
        implements Notifying {

    public enum Stage {
        /** Less than 24 hours are left. */
        DAY_BEFORE,
        /** Less than an hour is left. */
        HOUR_BEFORE,
        /** It expired, and had been used in its last hour. */
        EXPIRED_IN_USE
    }

    /** What the team reads in the portal and the contacts read in the e-mail. */
    public String message() {
        String what = (environment == SecretEnvironment.PRODUCTION ? "production" : "sandbox") + " secret " + secretHint
                + " of " + clientName;
        String when = Times.DATE_TIME.format(expiresAt);
        String message = switch (stage) {
            case DAY_BEFORE -> "The " + what + " expires in less than 24 hours, at " + when + ".";
            case HOUR_BEFORE ->
                "The " + what + " expires within the hour, at " + when
                        + ". Switch every server to the new secret before then.";
            case EXPIRED_IN_USE ->
                "The " + what + " expired at " + when + " while still in use: it was last used at "
                        + Times.DATE_TIME.format(lastUsedAt)
                        + ". Make sure every server uses the new secret.";
        };
        return message;
    }

    /** The e-mail's subject line. */
    public String subject() {
        return switch (stage) {
            case DAY_BEFORE, HOUR_BEFORE -> "A secret of " + clientName + " expires soon";
            case EXPIRED_IN_USE -> "A secret of " + clientName + " expired while still in use";
        };
    }

    @Override
    public List<Notice> notices() {
        return List.of(Notice.toTeam(teamId, clientId, message()));
    }
}
