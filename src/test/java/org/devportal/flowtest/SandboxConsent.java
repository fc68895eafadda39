package org.devportal.flowtest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devportal.test.HttpTestClient;

/**
 * An end user's browser over plain HTTP: opens an authorization URL, signs in at the portal when asked, allows
 * the requested scopes on the consent page, and returns where the issuer sends the browser back to. The same
 * signed-in session can then visit the portal's test callback.
 */
final class SandboxConsent {

    static final String PASSWORD = "correct horse battery staple";

    private final String baseUrl;
    final HttpTestClient browser;

    SandboxConsent(String baseUrl) {
        this.baseUrl = baseUrl;
        this.browser = new HttpTestClient(baseUrl);
    }

    /** The full URL of the redirect back to the client after consent. */
    String authorize(String authorizationUrl, String email) {
        HttpResponse<String> response = browser.get(authorizationUrl);
        for (int hops = 0; hops < 15 && HttpTestClient.isRedirect(response); hops++) {
            String location = absolute(HttpTestClient.location(response));
            if (location.startsWith(baseUrl + "/consent")) {
                return consent(location);
            }
            if (!location.startsWith(baseUrl)) {
                return location;
            }
            response = browser.get(location);
            if (response.statusCode() == 200 && response.uri().getPath().equals("/idp/login")) {
                response = browser.submitSignInForm(response, email, PASSWORD);
            }
        }
        throw new AssertionError(
                "The issuer did not ask for consent: " + response.statusCode() + " " + response.body());
    }

    private String consent(String consentUrl) {
        Map<String, String> query =
                Redaction.parameters(java.net.URI.create(consentUrl).getRawQuery());
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("client_id", query.get("client_id")));
        form.add(Map.entry("state", query.get("state")));
        for (String scope : query.get("scope").split(" ")) {
            form.add(Map.entry("scope", scope));
        }
        HttpResponse<String> back = browser.postForm("/sandbox/oauth/authorize", form);
        if (back.statusCode() != 302) {
            throw new AssertionError("Consent was not accepted: " + back.statusCode() + " " + back.body());
        }
        return absolute(HttpTestClient.location(back));
    }

    private String absolute(String location) {
        return location.startsWith("/") ? baseUrl + location : location;
    }
}
