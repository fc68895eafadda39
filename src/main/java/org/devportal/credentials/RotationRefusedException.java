package org.devportal.credentials;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.devportal.base.InvalidInputException;

/**
 * A rotation with a grace period was refused because a previous secret is still in its own grace period:
 * a third active secret would break the limit of {@value SecretRing#MAX_ACTIVE_SECRETS}.
 */
public final class RotationRefusedException extends InvalidInputException {

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Instant previousValidUntil;

    RotationRefusedException(Instant previousValidUntil) {
        super(
                "gracePeriod",
                "A previous secret is still valid until " + UNTIL.format(previousValidUntil)
                        + "; revoke it first, or rotate with '" + GracePeriod.NOW.label() + "'");
        this.previousValidUntil = previousValidUntil;
    }

    /** When the secret in its grace period expires, for a view that shows it in the user's time zone. */
    public Instant previousValidUntil() {
        return previousValidUntil;
    }
}
