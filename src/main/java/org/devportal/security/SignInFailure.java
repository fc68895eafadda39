package org.devportal.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** Why a sign-in callback failed, in words a user can act on. */
public enum SignInFailure {
    STATE_MISMATCH(
            "state",
            "The sign-in response did not match a sign-in started in this browser. It may have expired, "
                    + "been opened in another tab, or been tampered with. Start again."),
    ACCESS_DENIED("denied", "Sign-in was cancelled at the identity provider."),
    UNVERIFIED(
            "unverified",
            "Your identity provider has not verified your e-mail address. Verify it there (look for its "
                    + "verification e-mail), then sign in again."),
    PROVIDER_ERROR("provider", "The identity provider could not complete the sign-in. Try again in a moment."),
    UNKNOWN("unknown", "Sign-in could not be completed. Try again.");

    private final String code;
    private final String message;

    SignInFailure(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The failure for a reason code from the sign-in error page's URL. */
    public static SignInFailure fromCode(String code) {
        for (SignInFailure failure : values()) {
            if (failure.code.equals(code)) {
                return failure;
            }
        }
        return UNKNOWN;
    }

    static SignInFailure classify(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            return switch (oauth.getError().getErrorCode()) {
                case "authorization_request_not_found", "invalid_state_parameter" -> STATE_MISMATCH;
                case "access_denied" -> ACCESS_DENIED;
                case VerifiedAddressOidcUserService.EMAIL_NOT_VERIFIED -> UNVERIFIED;
                case "invalid_token_response",
                        "invalid_id_token",
                        "invalid_nonce",
                        "server_error",
                        "temporarily_unavailable",
                        "invalid_grant" -> PROVIDER_ERROR;
                default -> UNKNOWN;
            };
        }
        return UNKNOWN;
    }
}
