package org.devportal.base;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a person reads for a client secret: its hint and, when it has one, its label ({@code dpsbx_…a1b2 (CI)}),
 * never its value. The audit module asks, for the history rows a secret's requests wrote; the credentials module,
 * which owns the secrets, answers, so neither imports the other.
 */
public interface SecretNames {

    /** The name of each secret that exists, revoked or not; an unknown id is left out. */
    Map<UUID, String> of(Collection<UUID> secretIds);
}
