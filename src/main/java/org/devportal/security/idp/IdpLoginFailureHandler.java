package org.devportal.security.idp;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.devportal.base.RateLimited;
import org.devportal.security.SignIns;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the sign-in page with a reason code. The codes never distinguish an unknown
 * account from a wrong password.
 */
class IdpLoginFailureHandler implements AuthenticationFailureHandler {

    private final MeterRegistry meters;

    IdpLoginFailureHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String target = request.getContextPath() + AccountService.LOGIN_PATH + "?error";
        boolean wasThrottled = exception instanceof ThrottlingAuthenticationProvider.SignInThrottledException;
        SignIns.count(meters, wasThrottled ? SignIns.THROTTLED : SignIns.FAILURE);
        if (wasThrottled) {
            RateLimited.count(meters, "signin");
        }
        if (exception instanceof ThrottlingAuthenticationProvider.SignInThrottledException throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            target = request.getContextPath() + AccountService.LOGIN_PATH + "?error=throttled&retry=" + seconds;
        }
        response.sendRedirect(target);
    }
}
