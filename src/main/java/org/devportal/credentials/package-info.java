/**
 * Client credentials: client IDs, client secrets, their rotation and expiry. The rules live in plain Java here
 * ({@link org.devportal.credentials.ClientSecret}, {@link org.devportal.credentials.SecretHasher},
 * {@link org.devportal.credentials.SecretRing}); a secret's plaintext exists only while it is generated or
 * presented, and only its keyed hash is kept.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Credentials",
        allowedDependencies = {"base", "clients", "clients :: ui", "security", "security :: ui"})
package org.devportal.credentials;
