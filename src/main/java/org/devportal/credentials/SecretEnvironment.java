package org.devportal.credentials;

/**
 * The authorization server a secret is valid for. Each has its own secret prefix, so that a leaked secret says
 * at a glance whether production is affected, and a sandbox secret can never be mistaken for a production one.
 */
public enum SecretEnvironment {
    SANDBOX("dpsbx_"),
    PRODUCTION("dpprd_");

    /** Every prefix has this length, so the position of the random part does not depend on the environment. */
    public static final int PREFIX_LENGTH = 6;

    private final String secretPrefix;

    SecretEnvironment(String secretPrefix) {
        if (secretPrefix.length() != PREFIX_LENGTH) {
            throw new IllegalArgumentException("Secret prefixes are " + PREFIX_LENGTH + " characters long");
        }
        this.secretPrefix = secretPrefix;
    }

    /** The characters every secret of this environment starts with, including the trailing underscore. */
    public String secretPrefix() {
        return secretPrefix;
    }

    /** The environment whose prefix {@code presented} starts with, or {@code null}. */
    static SecretEnvironment ofPrefix(String presented) {
        for (SecretEnvironment environment : values()) {
            if (presented.startsWith(environment.secretPrefix)) {
                return environment;
            }
        }
        return null;
    }
}
