package org.devportal.flowtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 4: checks the authorization response a browser brought back (RFC 6749 §4.1.2, RFC 9207) against the request
 * the run sent. Each check adds a line; the first failure names its likely cause.
 */
final class CallbackCheck {

    /** The outcome, and the code when every check passed. */
    record Result(StepOutcome outcome, String code) {
        @Override
        public String toString() {
            return "Result[" + outcome.verdict() + ", code=" + Masked.of(code) + "]";
        }
    }

    private final String redirectUri;
    private final String expectedState;
    private final String issuer;

    CallbackCheck(String redirectUri, String expectedState, String issuer) {
        this.redirectUri = redirectUri;
        this.expectedState = expectedState;
        this.issuer = issuer;
    }

    Result check(String receivedUrl, Instant now) {
        String url = receivedUrl == null ? "" : receivedUrl.strip();
        int query = url.indexOf('?');
        Map<String, String> parameters = Redaction.parameters(query < 0 ? "" : stripFragment(url.substring(query + 1)));
        String code = parameters.get("code");
        String state = parameters.get("state");
        Redaction redaction =
                new Redaction(List.of(code == null ? "" : code, expectedState, state == null ? "" : state));
        HttpExchange exchange = new HttpExchange("GET", redaction.url(url), List.of(), null, 0, List.of(), null, 0);
        List<String> findings = new ArrayList<>();
        String cause = null;

        String separator = redirectUri.contains("?") ? "&" : "?";
        String sent = query < 0 ? url : url.substring(0, query);
        if (query < 0 || !(url.startsWith(redirectUri + separator))) {
            return failed(
                    now,
                    "This is not a callback to the redirect URI of the request.",
                    findings,
                    query < 0
                            ? "The URL has no query: paste the whole address your app was sent to, with ?code=…&state=…"
                            : "redirect_uri not registered exactly; you sent " + sent + ", registered is " + redirectUri
                                    + ". The issuer compares redirect URIs byte for byte: no trailing slash, case or "
                                    + "port differences.",
                    exchange);
        }
        findings.add("Came back to " + redirectUri);

        if (state == null) {
            return failed(
                    now,
                    "The callback has no state.",
                    findings,
                    "The issuer always returns the state it was "
                            + "sent. Without it you cannot tell your own request from a forged one (CSRF).",
                    exchange);
        }
        if (!sameValue(state, expectedState)) {
            return failed(
                    now,
                    "state does not match: sent " + Masked.of(expectedState) + ", got back " + Masked.of(state) + ".",
                    findings,
                    "This callback belongs to another authorization request, "
                            + "such as an older tab or another run. Never accept a code whose state you did not send: that "
                            + "check is what stops cross-site request forgery on your callback.",
                    exchange);
        }
        findings.add("state matches what the request sent (" + Masked.of(state) + ")");

        String iss = parameters.get("iss");
        if (iss == null) {
            return failed(
                    now,
                    "The callback has no iss.",
                    findings,
                    "The sandbox issuer always sends iss (RFC 9207). "
                            + "Check that you pasted the URL your app received, unchanged.",
                    exchange);
        }
        if (!iss.equals(issuer)) {
            return failed(
                    now,
                    "iss is " + iss + ", expected " + issuer + ".",
                    findings,
                    "The response comes from "
                            + "another issuer. Check iss before using a code, so that a response from one issuer is never "
                            + "sent to another's token endpoint (mix-up attack).",
                    exchange);
        }
        findings.add("iss is " + issuer);

        String error = parameters.get("error");
        if (error != null) {
            String description = parameters.get("error_description");
            findings.add("error: " + error + (description == null ? "" : " (" + description + ")"));
            return failed(now, "The issuer answered with an error: " + error + ".", findings, causeOf(error), exchange);
        }
        if (code == null || code.isEmpty()) {
            return failed(
                    now,
                    "The callback has neither a code nor an error.",
                    findings,
                    "Paste the whole URL, including ?code=…",
                    exchange);
        }
        findings.add("code received: " + Masked.of(code));
        return new Result(
                new StepOutcome(
                        FlowStep.CALLBACK,
                        now,
                        Verdict.PASSED,
                        "The callback checks out: the code can be exchanged.",
                        findings,
                        cause,
                        List.of(exchange)),
                code);
    }

    private static Result failed(
            Instant now, String message, List<String> findings, String cause, HttpExchange exchange) {
        return new Result(
                new StepOutcome(FlowStep.CALLBACK, now, Verdict.FAILED, message, findings, cause, List.of(exchange)),
                null);
    }

    static String causeOf(String error) {
        return switch (error) {
            case "access_denied" ->
                "Cancel was chosen on the consent page, or the signed-in user is not a member "
                        + "of the client's team: only team members can authorise a client in the sandbox.";
            case "invalid_scope" -> "A requested scope is unknown or not registered for this client.";
            case "invalid_request" ->
                "The request lacked or repeated a parameter; PKCE must use S256 and a state " + "is required.";
            case "unauthorized_client" -> "The client may not use the authorization code grant.";
            default -> "See the error description; the issuer explains what it refused.";
        };
    }

    private static String stripFragment(String query) {
        int hash = query.indexOf('#');
        return hash < 0 ? query : query.substring(0, hash);
    }

    private static boolean sameValue(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
