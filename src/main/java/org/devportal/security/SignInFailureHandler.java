package org.devportal.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed OIDC callback (a tampered or stale {@code state}, a refused consent, an invalid token) to a
 * friendly page. The page gets a short reason code, never the exception text, which may quote request values.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    private final String errorPath;
    private final MeterRegistry meters;

    SignInFailureHandler(String errorPath, MeterRegistry meters) {
        this.errorPath = errorPath;
        this.meters = meters;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = SignInFailure.classify(exception).code();
        String errorCode = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        log.info("Sign-in callback refused: {} ({})", reason, errorCode);
        SignIns.count(meters, SignIns.CALLBACK_REFUSED);
        response.sendRedirect(request.getContextPath() + errorPath + "?reason=" + reason);
    }
}
