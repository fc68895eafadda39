package org.devportal.security.idp;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.devportal.base.RateLimited;
import org.devportal.security.SignIns;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the sign-in page with a reason code. The codes never distinguish an unknown
 * account from a wrong password. The e-mail address entered is kept in the session (never in the URL), so the
 * page can fill it in again; after a correct password for an unverified account, so is the account, so that the
 * page can send a new verification link to it.
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
        boolean wasThrottled = exception instanceof ThrottlingAuthenticationProvider.SignInThrottledException;
        SignIns.count(meters, wasThrottled ? SignIns.THROTTLED : SignIns.FAILURE);
        if (wasThrottled) {
            RateLimited.count(meters, "signin");
        }
        HttpSession session = request.getSession();
        String email = request.getParameter("username");
        if (email != null && email.length() <= 320) {
            session.setAttribute(IdpSignIn.LAST_EMAIL_ATTRIBUTE, email.strip());
        }
        session.removeAttribute(IdpSignIn.UNVERIFIED_ACCOUNT_ATTRIBUTE);
        String login = request.getContextPath() + AccountService.LOGIN_PATH;
        String target = login + "?error";
        if (exception instanceof ThrottlingAuthenticationProvider.SignInThrottledException throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            target = login + "?error=throttled&retry=" + seconds;
        } else if (exception instanceof ThrottlingAuthenticationProvider.AccountNotVerifiedException unverified) {
            session.setAttribute(IdpSignIn.UNVERIFIED_ACCOUNT_ATTRIBUTE, unverified.accountId());
            target = login + "?error=unverified";
        } else if (busy(exception)) {
            target = login + "?error=busy";
        }
        response.sendRedirect(target);
    }

    private static boolean busy(AuthenticationException exception) {
        return exception instanceof ThrottlingAuthenticationProvider.SignInBusyException
                || (exception instanceof InternalAuthenticationServiceException
                        && exception.getCause() instanceof org.devportal.base.TryAgainLaterException);
    }
}
