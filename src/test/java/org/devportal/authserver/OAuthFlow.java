package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.devportal.test.HttpTestClient;

/**
 * An end user's browser and a client's back end, speaking plain HTTP to the issuers: the authorization request,
 * the portal sign-in, the consent form, and the token endpoint. Redirects are followed only inside the portal; the
 * redirect to the client is returned for the test to read.
 */
public final class OAuthFlow {

    public static final String PASSWORD = "correct horse battery staple";
    /** The RFC 7636 test vector (docs/client-rules.md, authorization flow and tokens). */
    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final String baseUrl;
    public final HttpTestClient browser;
    private final HttpClient backEnd =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public OAuthFlow(String baseUrl) {
        this.baseUrl = baseUrl;
        this.browser = new HttpTestClient(baseUrl);
    }

    /** An authorization request URL with PKCE S256 and the given extra or overriding parameters. */
    public String authorizeUrl(
            String issuerPath,
            String clientId,
            String redirectUri,
            String scope,
            String state,
            Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", scope);
        parameters.put("state", state);
        parameters.put("code_challenge", CHALLENGE);
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(overrides);
        return baseUrl + issuerPath + "/oauth/authorize?"
                + parameters.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** Opens the authorization request, signing in at the portal when asked, and stops at the first hop out. */
    public HttpResponse<String> open(String authorizeUrl, String email) {
        HttpResponse<String> response = browser.get(authorizeUrl);
        for (int hops = 0; hops < 15 && HttpTestClient.isRedirect(response); hops++) {
            String location = HttpTestClient.location(response);
            String absolute = location.startsWith("/") ? baseUrl + location : location;
            if (!absolute.startsWith(baseUrl) || absolute.startsWith(baseUrl + "/consent")) {
                return response;
            }
            response = browser.get(absolute);
            if (response.statusCode() == 200 && response.uri().getPath().equals("/idp/login")) {
                response = browser.submitSignInForm(response, email, PASSWORD);
            }
        }
        return response;
    }

    /** The consent page's state, from the redirect to it. */
    public static String consentState(HttpResponse<String> toConsent) {
        String location = HttpTestClient.location(toConsent);
        assertThat(location).contains("/consent?");
        return query(location).get("state");
    }

    /** Posts the consent form as the consent page does: each approved scope, or none to deny. */
    public HttpResponse<String> consent(String issuerPath, String clientId, String state, List<String> scopes) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("client_id", clientId));
        form.add(Map.entry("state", state));
        scopes.forEach(scope -> form.add(Map.entry("scope", scope)));
        return browser.postForm(issuerPath + "/oauth/authorize", form);
    }

    /** Runs authorize → sign-in → consent and returns the parameters of the redirect back to the client. */
    public Map<String, String> authorize(
            String authorizeUrl, String email, String issuerPath, String clientId, List<String> scopes) {
        HttpResponse<String> toConsent = open(authorizeUrl, email);
        HttpResponse<String> back = consent(issuerPath, clientId, consentState(toConsent), scopes);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        return query(HttpTestClient.location(back));
    }

    /** The form of a confidential client's code exchange, with the RFC 7636 test vector's verifier. */
    public static Map<String, String> codeExchange(String code, String redirectUri) {
        return Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                redirectUri,
                "code_verifier",
                VERIFIER);
    }

    /** The form of a public client's code exchange: it names itself with {@code client_id} and proves PKCE alone. */
    public static Map<String, String> publicCodeExchange(String code, String redirectUri, String clientId) {
        Map<String, String> form = new java.util.HashMap<>(codeExchange(code, redirectUri));
        form.put("client_id", clientId);
        return Map.copyOf(form);
    }

    public HttpResponse<String> token(
            String issuerPath, String basicClientId, String secret, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + issuerPath + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (basicClientId != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((encode(basicClientId) + ":" + encode(secret))
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> api(String path, String accessToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return backEnd.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
