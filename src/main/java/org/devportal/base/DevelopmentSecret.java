package org.devportal.base;

/**
 * A secret whose development default ships in the repository, and so is public. Outside the demo profile the
 * portal refuses to start with it: a deployment that forgot to set the variable fails at once, with a message that
 * says which variable to set and how to make a value, instead of running with a key that anyone can read.
 *
 * @param variable the environment variable that sets the secret
 * @param purpose what the secret protects, for the message
 */
public record DevelopmentSecret(String variable, String purpose) {

    /** The profile that may run with development secrets: local development and demonstrations. */
    public static final String DEMO_PROFILE = "demo";

    /**
     * Returns normally when the secret was configured, or when the demo profile is active; otherwise throws.
     *
     * @param usesDevelopmentValue whether the configured value is the development default (or none was set)
     * @param demo whether the demo profile is active
     */
    public void requireConfigured(boolean usesDevelopmentValue, boolean demo) {
        if (usesDevelopmentValue && !demo) {
            throw new Refused(this);
        }
    }

    /** Start-up refused: the secret still has its public development value. The message names the fix. */
    public static final class Refused extends IllegalStateException {

        private final transient DevelopmentSecret secret;

        Refused(DevelopmentSecret secret) {
            super(secret.variable + " is not set, so " + secret.purpose
                    + " would use the public development value. Set " + secret.variable
                    + " to a random value, for example the output of `openssl rand -base64 32`, "
                    + "or run with the '" + DEMO_PROFILE + "' profile for development.");
            this.secret = secret;
        }

        public DevelopmentSecret secret() {
            return secret;
        }
    }
}
