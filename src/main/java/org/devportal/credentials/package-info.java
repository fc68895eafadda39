/**
 * Client credentials: client IDs, client secrets, their rotation and expiry. The rules live in plain Java here
 * ({@link org.devportal.credentials.ClientSecret}, {@link org.devportal.credentials.SecretHasher},
 * {@link org.devportal.credentials.SecretRing}); a secret's plaintext exists only while it is generated or
 * presented, and only its keyed hash is kept. Each secret's use (last use, counts per hour, day and week) is read
 * through {@link org.devportal.base.SecretUsage}, which the audit module answers from the rows the token endpoint
 * writes anyway; it drives the revoke suggestion and the second confirmation of a recently used secret's revocation.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Credentials",
        allowedDependencies = {"base", "clients", "clients :: ui", "security", "security :: ui"})
package org.devportal.credentials;
