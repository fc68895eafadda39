package org.devportal.security.idp;

import java.time.Instant;

/**
 * A passkey of an account, as its owner sees it.
 *
 * @param id the credential's id (base64url), which names it for removal
 * @param label the name its owner gave it
 * @param created when it was registered
 * @param lastUsed when it was last used to sign in
 */
public record PasskeySummary(String id, String label, Instant created, Instant lastUsed) {}
