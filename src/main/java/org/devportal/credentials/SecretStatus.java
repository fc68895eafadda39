package org.devportal.credentials;

/** Where a secret is in its life. Only {@link #ACTIVE} and {@link #GRACE} secrets are accepted. */
public enum SecretStatus {

    /** Accepted, with no end date: the client's current secret. */
    ACTIVE,
    /** Accepted until its expiry: a previous secret in its grace period after a rotation. */
    GRACE,
    /** Its grace period is over. */
    EXPIRED,
    /** Revoked by a user, either early or by rotating with {@link GracePeriod#NOW}. */
    REVOKED;

    public boolean isActive() {
        return this == ACTIVE || this == GRACE;
    }
}
