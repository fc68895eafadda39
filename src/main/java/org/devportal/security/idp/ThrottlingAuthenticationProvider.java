package org.devportal.security.idp;

import java.time.Duration;
import org.devportal.base.TryAgainLaterException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks the throttle before a password is checked, and tells it about every failure and success. */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        Duration wait = throttle.retryAfter(account, address);
        if (!wait.isZero()) {
            throw new SignInThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(account);
            if (SignInMarkers.unverified(result)) {
                // Only after the password matched: the answer reveals nothing to someone who does not know it.
                throw new AccountNotVerifiedException(result.getName());
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        } catch (TryAgainLaterException e) {
            throw new SignInBusyException(e);
        } catch (InternalAuthenticationServiceException e) {
            if (e.getCause() instanceof TryAgainLaterException busy) {
                throw new SignInBusyException(busy);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many passwords are being checked at once; the user should try again in a moment. */
    static final class SignInBusyException extends AuthenticationException {

        SignInBusyException(TryAgainLaterException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The password matched, but the account's e-mail address is not verified yet. */
    static final class AccountNotVerifiedException extends AuthenticationException {

        private final String accountId;

        AccountNotVerifiedException(String accountId) {
            super("E-mail address not verified");
            this.accountId = accountId;
        }

        String accountId() {
            return accountId;
        }
    }

    /** Too many failed sign-ins; the user must wait before trying again. */
    static final class SignInThrottledException extends AuthenticationException {

        private final Duration retryAfter;

        SignInThrottledException(Duration retryAfter) {
            super("Too many failed sign-ins");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
