package org.devportal.authserver;

import java.util.Optional;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The client secret that authenticated the request being handled, kept on the request from the secret check to the
 * audit entry of the grant. The entry (or the hourly count) is written anyway, so naming the secret on it counts
 * the secret's use without a statement of its own at the token endpoint. A retried token request starts without
 * it, since the transaction's retry drops what an attempt added to the request.
 */
final class AuthenticatedSecret {

    private static final String ATTRIBUTE = AuthenticatedSecret.class.getName();

    private AuthenticatedSecret() {}

    static void remember(UUID secretId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, secretId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static Optional<UUID> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? Optional.empty()
                : Optional.ofNullable((UUID) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
