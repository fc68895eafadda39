package org.devportal.authserver;

import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * Says what is wrong where Spring Authorization Server only names a parameter ("OAuth 2.0 Parameter: client_id",
 * "Client authentication failed: code_verifier"). The error code stays as the framework chose it, except that a
 * parameter sent more than once is always {@code invalid_request} (RFC 6749 §3.1). Descriptions that the portal's
 * own checks wrote are kept as they are. The request's parameters are read only to tell "missing" from "sent
 * twice"; no value from the request is repeated in a description.
 */
final class ErrorDescriptions {

    private static final String PARAMETER = "OAuth 2.0 Parameter: ";
    private static final String CLIENT_AUTHENTICATION = "Client authentication failed: ";

    private ErrorDescriptions() {}

    /**
     * An error of the authorization endpoint, for the request whose parameters are given.
     *
     * @param parameters the values sent for a parameter name, or null when it was not sent
     */
    static OAuth2Error authorization(OAuth2Error error, Function<String, String[]> parameters) {
        String parameter = parameterNamed(error, PARAMETER);
        if (parameter == null) {
            return error;
        }
        int count = count(parameters, parameter);
        if (count > 1) {
            return sentTwice(parameter, count, error);
        }
        String code = error.getErrorCode();
        String description = switch (parameter) {
            case OAuth2ParameterNames.RESPONSE_TYPE ->
                OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE.equals(code)
                        ? "Only response_type=code is supported: the authorization code flow with PKCE. The "
                                + "implicit flow (response_type=token) and other response types are not available."
                        : "The request has no response_type. Send response_type=code.";
            case OAuth2ParameterNames.CLIENT_ID ->
                clientIdProblem(code, first(parameters, OAuth2ParameterNames.CLIENT_ID));
            case OAuth2ParameterNames.STATE ->
                "This consent form is no longer valid: the request has expired, was already answered, or "
                        + "was started in another sign-in. Start again from the application.";
            case OAuth2ParameterNames.SCOPE -> "The consent form approved scopes that the application did not ask for.";
            case OAuth2ParameterNames.REQUEST_URI ->
                "request_uri is not supported: this server has no pushed authorization requests. Send the "
                        + "parameters of the authorization request itself.";
            case PkceParameterNames.CODE_CHALLENGE ->
                "PKCE is required: send code_challenge and code_challenge_method=S256.";
            case PkceParameterNames.CODE_CHALLENGE_METHOD ->
                "The code_challenge_method must be S256; plain and a missing method are not accepted.";
            default -> "The " + parameter + " parameter is missing or not valid.";
        };
        return new OAuth2Error(code, description, error.getUri());
    }

    /**
     * An error of the token endpoint, for the request whose parameters are given. Spring Authorization Server
     * checks the PKCE verifier while it authenticates the client, which is where its terse descriptions come from.
     */
    static OAuth2Error token(OAuth2Error error, Function<String, String[]> parameters) {
        String named = parameterNamed(error, PARAMETER);
        if (named != null) {
            int count = count(parameters, named);
            return count > 1
                    ? sentTwice(named, count, error)
                    : new OAuth2Error(
                            error.getErrorCode(),
                            "The " + named + " parameter is missing or not valid.",
                            error.getUri());
        }
        String parameter = OAuth2ErrorCodes.INVALID_GRANT.equals(error.getErrorCode())
                ? parameterNamed(error, CLIENT_AUTHENTICATION)
                : null;
        if (parameter == null) {
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(error.getErrorCode())
                    && error.getDescription() == null
                    && "authorization_code".equals(first(parameters, OAuth2ParameterNames.GRANT_TYPE))) {
                return new OAuth2Error(
                        error.getErrorCode(),
                        "The code is unknown, has expired or was already used, or it was issued to another client or "
                                + "for another redirect_uri. Send the redirect_uri of the authorization request.",
                        error.getUri());
            }
            return error;
        }
        String description = switch (parameter) {
            case PkceParameterNames.CODE_VERIFIER ->
                count(parameters, PkceParameterNames.CODE_VERIFIER) == 0
                        ? "The request has no code_verifier. This code was issued for a PKCE code_challenge: "
                                + "send the code_verifier it was made from."
                        : "The code_verifier does not match the code_challenge of the authorization request. "
                                + "Send the code_verifier from which that code_challenge was made.";
            case OAuth2ParameterNames.CODE ->
                "The code is missing, unknown, has expired or was already used. Start a new authorization.";
            case PkceParameterNames.CODE_CHALLENGE ->
                "The authorization request for this code had no code_challenge, so it cannot be exchanged "
                        + "with a code_verifier. Start a new authorization with PKCE.";
            default -> error.getDescription();
        };
        return new OAuth2Error(error.getErrorCode(), description, error.getUri());
    }

    private static String clientIdProblem(String code, String clientId) {
        if (OAuth2ErrorCodes.ACCESS_DENIED.equals(code)) {
            return "The user denied the authorization request.";
        }
        return clientId == null || clientId.isBlank()
                ? "The request has no client_id. Send the client ID shown on the client's page in the developer portal."
                : "The client_id does not name a client of this issuer, or not the client this request was started for.";
    }

    private static OAuth2Error sentTwice(String parameter, int count, OAuth2Error error) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, sentTwice(parameter, count), error.getUri());
    }

    /** RFC 6749 §3.1 and §3.2: request parameters must not be included more than once. */
    static String sentTwice(String parameter, int count) {
        return "The " + parameter + " parameter was sent " + count + " times. Send each parameter once.";
    }

    /** The parameter a framework description names after its prefix, or null for any other description. */
    private static String parameterNamed(OAuth2Error error, String prefix) {
        String description = error.getDescription();
        return description != null && description.startsWith(prefix) ? description.substring(prefix.length()) : null;
    }

    private static int count(Function<String, String[]> parameters, String name) {
        String[] values = parameters.apply(name);
        return values == null ? 0 : values.length;
    }

    private static String first(Function<String, String[]> parameters, String name) {
        String[] values = parameters.apply(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
