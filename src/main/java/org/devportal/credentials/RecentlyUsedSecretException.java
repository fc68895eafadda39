package org.devportal.credentials;

import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;

/**
 * A revocation of a secret that a request used within the last hour, without the user having confirmed that use.
 * The message names it, so the user can decide knowingly; the same call, confirmed, then revokes.
 */
public class RecentlyUsedSecretException extends InvalidInputException {

    private final transient SecretView secret;

    RecentlyUsedSecretException(SecretView secret) {
        super("confirmation", describe(secret));
        this.secret = secret;
    }

    public SecretView secret() {
        return secret;
    }

    private static String describe(SecretView secret) {
        long times = secret.usage().lastHour();
        String count = times == 0
                ? "It was used"
                : "It was used " + (times == 1 ? "once" : times + " times") + " in the last hour";
        String what =
                secret.usage().lastAction() == null ? "" : " (" + secret.usage().lastAction() + ")";
        return count + ", last at " + Times.DATE_TIME.format(secret.lastUsedAt()) + what + ". Servers still using "
                + secret.name() + " fail from the next request. Confirm again to revoke it.";
    }
}
