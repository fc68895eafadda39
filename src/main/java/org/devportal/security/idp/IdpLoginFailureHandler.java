package org.devportal.security.idp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the sign-in page with a reason code. The codes never distinguish an unknown
 * account from a wrong password.
 */
class IdpLoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String target = request.getContextPath() + AccountService.LOGIN_PATH + "?error";
        if (exception instanceof ThrottlingAuthenticationProvider.SignInThrottledException throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            target = request.getContextPath() + AccountService.LOGIN_PATH + "?error=throttled&retry=" + seconds;
        }
        response.sendRedirect(target);
    }
}
