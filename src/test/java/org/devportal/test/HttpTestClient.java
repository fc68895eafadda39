package org.devportal.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that does not follow redirects by itself, so tests can check every hop of a
 * sign-in exactly as a browser would make it.
 */
public final class HttpTestClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final CookieManager cookies = new CookieManager();

    public HttpTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new LoopbackIsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends this header with every later request, replacing an earlier value; as a client may forge any header. */
    public HttpTestClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** The body of a GET as bytes, for images; fails unless the answer is 200. */
    public byte[] getBytes(String pathOrUrl) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathOrUrl + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts a form whose fields may repeat, such as several {@code scope} values. */
    public HttpResponse<String> postForm(String pathOrUrl, java.util.List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Follows redirects from a response until one is not a redirect, and returns that one. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            current = get(location(current));
        }
        return current;
    }

    /** The CSRF token the sign-in page embeds for its form. */
    public String csrfTokenOf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on page " + page.uri());
        }
        return matcher.group(1);
    }

    /**
     * Starts at the portal, submits the identity provider's sign-in form and returns the response to the form
     * post (a redirect back into the authorization flow on success, or to the sign-in page on failure).
     */
    public HttpResponse<String> submitSignIn(String email, String password) {
        HttpResponse<String> signInPage = follow(get("/"));
        if (!signInPage.uri().getPath().equals("/idp/login")) {
            throw new IllegalStateException("Expected the sign-in page but got " + signInPage.uri());
        }
        return submitSignInForm(signInPage, email, password);
    }

    /** Fills in and posts the identity provider's sign-in form on this page, with the page's CSRF token. */
    public HttpResponse<String> submitSignInForm(HttpResponse<String> signInPage, String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        form.put("_csrf", csrfTokenOf(signInPage));
        return postForm("/idp/login", form);
    }

    /** The value of a cookie this client holds, if it holds one by that name. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (!headers.isEmpty()) {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> !headers.containsKey(name));
            headers.forEach(copy::header);
            request = copy.build();
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Browsers treat {@code http://localhost} and {@code http://127.0.0.1} as secure contexts and send {@code Secure}
     * cookies back to them; the JDK's cookie manager does not. Keycloak marks its sign-in cookies {@code Secure} even
     * over plain HTTP, so on loopback the attribute is dropped before the cookie is stored, as a browser would keep it.
     */
    private static final class LoopbackIsSecure extends CookieHandler {

        private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);

        private final CookieHandler delegate;

        LoopbackIsSecure(CookieHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!isLoopback(uri)) {
                delegate.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(
                    name,
                    name != null && name.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie")
                            ? values.stream()
                                    .map(value -> SECURE.matcher(value).replaceAll(""))
                                    .toList()
                            : values));
            delegate.put(uri, headers);
        }

        private static boolean isLoopback(URI uri) {
            return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
