package org.devportal.flowtest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.teams.TeamService;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The guided flow test of a client against the sandbox issuer, one method per step. Every method checks that the
 * current user is a member of the client's team, and a run's steps belong to the user who started it. The portal
 * is the OAuth client here, over real HTTP; a client secret pasted for a request is used for that request only.
 */
@Service
public class FlowTests {

    /** The path of the portal's own test callback, which captures the code for the developer. */
    public static final String CALLBACK_PATH = "/flowtest/callback";

    static final Duration RUN_LIFETIME = Duration.ofMinutes(30);
    private static final String SCOPED_ENDPOINT_SCOPE = "vendors:read";

    private final ClientService clients;
    private final ClientDirectory directory;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final ActiveRuns active;
    private final RunStore store;
    private final SandboxHttp http;
    private final PortalProperties portal;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FlowTests(
            ClientService clients,
            ClientDirectory directory,
            TeamService teams,
            CurrentUser currentUser,
            ActiveRuns active,
            RunStore store,
            SandboxHttp http,
            PortalProperties portal,
            ObjectMapper json,
            Clock clock) {
        this.clients = clients;
        this.directory = directory;
        this.teams = teams;
        this.currentUser = currentUser;
        this.active = active;
        this.store = store;
        this.http = http;
        this.portal = portal;
        this.json = json;
        this.clock = clock;
    }

    /** The portal's test callback, {@code {base}/flowtest/callback}. */
    public String portalCallback() {
        return portal.url(CALLBACK_PATH);
    }

    /** The sandbox issuer the tests run against. */
    public String issuer() {
        return http.issuer();
    }

    /**
     * Step 1: whether the redirect URI is registered for the client exactly, byte for byte, as the issuer will
     * compare it. Stores nothing.
     */
    public StepOutcome checkRedirectUri(UUID clientId, String redirectUri) {
        return redirectUriOutcome(client(clientId), redirectUri);
    }

    /** Step 1's one click: adds the portal's test callback to the client's sandbox redirect URIs, with an audit entry. */
    public ClientDetails addPortalCallback(UUID clientId, long basedOnVersion) {
        return clients.addRedirectUri(clientId, basedOnVersion, portalCallback());
    }

    /**
     * Step 2: starts a run with a new {@code state} and PKCE pair, builds the authorization request and waits for
     * its callback. {@code onCallback} is told when the callback reaches the portal's own callback endpoint.
     */
    public FlowTestStarted start(UUID clientId, String redirectUri, String scopes, Consumer<StepOutcome> onCallback) {
        ClientDetails client = client(clientId);
        PortalUser user = currentUser.require();
        StepOutcome redirect = redirectUriOutcome(client, redirectUri);
        if (!redirect.passed()) {
            throw new InvalidInputException("redirectUri", redirect.message());
        }
        ScopeRequest scope = ScopeRequest.parse(scopes, client.scopes());
        String state = Pkce.randomValue(random);
        Pkce pkce = Pkce.generate(random);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.sandboxClientId().toString());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", scope.value());
        parameters.put("state", state);
        parameters.put("code_challenge", pkce.challenge());
        parameters.put("code_challenge_method", "S256");
        String url = issuer() + "/oauth/authorize?"
                + parameters.entrySet().stream()
                        .map(e -> SandboxHttp.encode(e.getKey()) + "=" + SandboxHttp.encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        Instant now = clock.instant();
        Redaction redaction = new Redaction(List.of(state, pkce.verifier()));
        StepOutcome request = new StepOutcome(
                FlowStep.AUTHORIZATION_REQUEST,
                now,
                Verdict.PASSED,
                "The authorization request is ready: open it, sign in and consent.",
                List.of(
                        "state: 256 random bits, " + Masked.of(state),
                        "code_verifier: 256 random bits, " + Masked.of(pkce.verifier()),
                        "code_challenge: S256 of the verifier, " + pkce.challenge(),
                        "scope: " + scope.value()),
                null,
                List.of(new HttpExchange("GET", redaction.url(url), List.of(), null, 0, List.of(), null, 0)));
        UUID runId = store.create(
                client,
                user.subject(),
                user.displayName(),
                now,
                redirectUri,
                scope.value(),
                List.of(redirect, request));
        active.add(new ActiveRun(
                runId,
                client.id(),
                client.teamId(),
                client.sandboxClientId().toString(),
                client.clientType(),
                user.subject(),
                redirectUri,
                scope,
                state,
                pkce,
                now.plus(RUN_LIFETIME),
                onCallback));
        return new FlowTestStarted(runId, state, pkce, url, redirect, request);
    }

    /** Stops waiting: the run ends unfinished, and a late callback finds nothing. */
    public void cancel(UUID runId) {
        run(runId);
        active.remove(runId);
    }

    /** Steps 3 and 4 with the developer's own redirect URI: checks the URL their app was redirected to. */
    public StepOutcome pasteCallback(UUID runId, String receivedUrl) {
        ActiveRun run = run(runId);
        if (run.callbackReceived()) {
            throw new InvalidInputException("callbackUrl", "This run has its code already");
        }
        return callback(run, receivedUrl);
    }

    /**
     * Steps 3 and 4 through the portal's callback endpoint: finds the waiting run by its {@code state}, checks the
     * response and tells the waiting stepper. Empty when no run of the signed-in user waits for this state.
     */
    Optional<StepOutcome> receiveCallback(String rawQuery) {
        String state = Redaction.parameters(rawQuery).get("state");
        Optional<ActiveRun> found = active.byState(state)
                .filter(run -> run.starterSubject.equals(currentUser.require().subject()))
                .filter(run -> !run.callbackReceived());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        teams.requireMembership(found.get().teamId);
        StepOutcome outcome = callback(found.get(), portalCallback() + "?" + (rawQuery == null ? "" : rawQuery));
        Consumer<StepOutcome> listener = found.get().listener();
        if (listener != null) {
            listener.accept(outcome);
        }
        return Optional.of(outcome);
    }

    private StepOutcome callback(ActiveRun run, String receivedUrl) {
        CallbackCheck.Result result =
                new CallbackCheck(run.redirectUri, run.state, issuer()).check(receivedUrl, clock.instant());
        if (!run.acceptCallback(result.code())) {
            throw new InvalidInputException("callbackUrl", "This run has its code already");
        }
        store.append(run.runId, result.outcome());
        return result.outcome();
    }

    /**
     * Step 5: exchanges the code at the token endpoint. A confidential client authenticates with the pasted
     * {@code secret}, which is used for this one request and kept nowhere; a public client sends its client ID and
     * relies on PKCE alone.
     */
    public TokenExchange exchangeCode(UUID runId, String secret) {
        ActiveRun run = run(runId);
        String code = run.code();
        if (code == null) {
            throw new InvalidInputException("code", "There is no unused code: go through the callback step first");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", run.redirectUri);
        form.put("code_verifier", run.pkce.verifier());
        SandboxHttp.Sent sent = tokenRequest(run, form, secret);
        SandboxHttp.Answer answer = http.postForm(sent);
        JsonNode body = parse(answer.body());
        String accessToken = text(body, "access_token");
        String refreshToken = text(body, "refresh_token");
        boolean passed = answer.status() == 200 && accessToken != null;
        List<String> findings = new ArrayList<>();
        findings.add("HTTP " + answer.status());
        if (passed) {
            run.tokens(accessToken, refreshToken, text(body, "scope"));
            findings.add("access_token: " + Masked.of(accessToken) + ", " + text(body, "token_type") + ", expires in "
                    + text(body, "expires_in") + " s");
            findings.add(refreshToken == null ? "No refresh_token" : "refresh_token: " + Masked.of(refreshToken));
            String idToken = text(body, "id_token");
            if (idToken != null) {
                findings.add("id_token (OpenID Connect): " + Masked.of(idToken));
            }
            findings.add("scope: " + text(body, "scope"));
        } else {
            findings.add("error: " + text(body, "error") + describe(body));
        }
        StepOutcome outcome = outcome(
                run,
                FlowStep.TOKEN_EXCHANGE,
                passed,
                passed ? "The code was exchanged for tokens." : "The token endpoint refused the code.",
                findings,
                passed ? null : tokenCause(run, answer.status(), text(body, "error")),
                List.of(exchange(run, sent, answer, secret, code)));
        store.append(run.runId, outcome);
        return new TokenExchange(outcome, curl(run, form));
    }

    /**
     * Step 6: calls the sample API's introspection endpoint and, when the granted scopes allow it, an endpoint
     * that needs one of them.
     */
    public StepOutcome callApi(UUID runId) {
        ActiveRun run = run(runId);
        String accessToken = run.accessToken();
        if (accessToken == null) {
            throw new InvalidInputException("accessToken", "There is no access token: exchange the code first");
        }
        List<HttpExchange> exchanges = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        List<String> paths = new ArrayList<>(List.of("/api/v1/introspect"));
        String granted = run.grantedScope() == null ? "" : run.grantedScope();
        if (List.of(granted.split(" ")).contains(SCOPED_ENDPOINT_SCOPE)) {
            paths.add("/api/v1/vendors");
        } else {
            findings.add("The sample API's scoped endpoint needs " + SCOPED_ENDPOINT_SCOPE
                    + ", which this token lacks; only the introspection endpoint was called.");
        }
        for (String path : paths) {
            SandboxHttp.Sent sent = SandboxHttp.apiRequest(issuer() + path, accessToken);
            SandboxHttp.Answer answer = http.get(sent);
            exchanges.add(exchange(run, sent, answer, null));
            findings.add("GET " + path + " → HTTP " + answer.status());
            passed &= answer.status() == 200;
        }
        StepOutcome outcome = outcome(
                run,
                FlowStep.API_CALL,
                passed,
                passed ? "The access token works at the sandbox API." : "The sandbox API refused the access token.",
                findings,
                passed
                        ? null
                        : "401 means the token is unknown, expired (after 15 minutes) or revoked; "
                                + "403 means it lacks the scope the endpoint needs.",
                exchanges);
        store.append(run.runId, outcome);
        return outcome;
    }

    /**
     * Step 7: exchanges the refresh token, checks that a new one came back, and presents the old one again, which
     * the issuer must refuse: within the issuer's refresh leeway as a concurrent refresh, after it as a reuse that
     * revokes the whole authorization, as it would for a stolen token.
     */
    public StepOutcome refresh(UUID runId, String secret) {
        ActiveRun run = run(runId);
        String refreshToken = run.refreshToken();
        if (refreshToken == null) {
            throw new InvalidInputException("refreshToken", "There is no refresh token: exchange the code first");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        SandboxHttp.Sent sent = tokenRequest(run, form, secret);
        SandboxHttp.Answer first = http.postForm(sent);
        JsonNode body = parse(first.body());
        String newRefreshToken = text(body, "refresh_token");
        List<HttpExchange> exchanges = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        exchanges.add(exchange(run, sent, first, secret, refreshToken));
        boolean rotated = first.status() == 200 && newRefreshToken != null && !newRefreshToken.equals(refreshToken);
        if (rotated) {
            run.tokens(text(body, "access_token"), newRefreshToken, run.grantedScope());
        }
        if (!rotated) {
            findings.add("Refresh: HTTP " + first.status() + ", error: " + text(body, "error") + describe(body));
            if (first.status() != 401) {
                run.revoked();
            }
            StepOutcome outcome = outcome(
                    run,
                    FlowStep.REFRESH,
                    false,
                    "The refresh token was not exchanged.",
                    findings,
                    refreshCause(first.status(), text(body, "error"), text(body, "error_description")),
                    exchanges);
            store.append(run.runId, outcome);
            return outcome;
        }
        findings.add("A new refresh token was issued: " + Masked.of(newRefreshToken) + " replaces "
                + Masked.of(refreshToken));
        SandboxHttp.Answer replay = http.postForm(sent);
        JsonNode replayBody = parse(replay.body());
        exchanges.add(exchange(run, sent, replay, secret, refreshToken));
        boolean refused = replay.status() == 400 && "invalid_grant".equals(text(replayBody, "error"));
        findings.add(
                refused
                        ? "Presenting the old refresh token again is refused: HTTP 400 invalid_grant"
                        : "Presenting the old refresh token again got HTTP " + replay.status());
        run.revoked();
        StepOutcome outcome = outcome(
                run,
                FlowStep.REFRESH,
                refused,
                refused
                        ? "Refresh works, and a used refresh token cannot be used again."
                        : "The issuer accepted a refresh token that was already used.",
                findings,
                refused ? null : "Refresh tokens must rotate, and a second use must be refused.",
                exchanges);
        store.append(run.runId, outcome);
        return outcome;
    }

    /** Step 8: ends the run, stores its verdicts, and returns its summary. */
    public FlowTestSummary finish(UUID runId) {
        ActiveRun run = run(runId);
        store.finish(run.runId, clock.instant());
        active.remove(run.runId);
        ClientDetails client = client(run.clientId);
        return store.finished(run.runId, client).orElseThrow();
    }

    /** The client's latest finished run, for members of its team. */
    public Optional<FlowTestSummary> latestRun(UUID clientId) {
        return store.latest(client(clientId));
    }

    /**
     * The client's latest finished run without any access check, for machine callers such as the review module,
     * which shows it to reviewers as evidence. The summary holds only redacted values, but it is still a team's
     * data: hand it only to someone entitled to see the client.
     */
    public Optional<FlowTestSummary> latestRunForReview(UUID clientId) {
        return directory.byId(clientId).flatMap(store::latest);
    }

    private ClientDetails client(UUID clientId) {
        ClientDetails client = clients.get(clientId);
        teams.requireMembership(client.teamId());
        return client;
    }

    private ActiveRun run(UUID runId) {
        PortalUser user = currentUser.require();
        ActiveRun run = active.get(runId)
                .filter(found -> found.starterSubject.equals(user.subject()))
                .orElseThrow(
                        () -> new InvalidInputException("run", "This test run has ended or expired: start a new one"));
        teams.requireMembership(run.teamId);
        return run;
    }

    private StepOutcome redirectUriOutcome(ClientDetails client, String redirectUri) {
        Instant now = clock.instant();
        if (redirectUri == null || redirectUri.isBlank()) {
            return new StepOutcome(
                    FlowStep.REDIRECT_URI, now, Verdict.FAILED, "Choose a redirect URI.", List.of(), null, List.of());
        }
        List<String> registered =
                client.redirectUris().stream().map(RedirectUri::value).toList();
        if (!registered.contains(redirectUri)) {
            String closest = closest(registered, redirectUri);
            return new StepOutcome(
                    FlowStep.REDIRECT_URI,
                    now,
                    Verdict.FAILED,
                    "This redirect URI is not registered for the client.",
                    List.of(),
                    "redirect_uri not registered exactly; you sent " + redirectUri + ", registered is " + closest
                            + ". The issuer would show an error page and never redirect.",
                    List.of());
        }
        boolean portalCallback = redirectUri.equals(portalCallback());
        return new StepOutcome(
                FlowStep.REDIRECT_URI,
                now,
                Verdict.PASSED,
                "Registered exactly, byte for byte, as the issuer compares it.",
                List.of(
                        portalCallback
                                ? "The portal's own callback: the portal captures the code, and the stepper "
                                        + "moves on by itself."
                                : "Your own redirect URI: after consent, paste the full URL your app "
                                        + "was redirected to."),
                null,
                List.of());
    }

    private static String closest(List<String> registered, String sent) {
        return registered.stream()
                .max(java.util.Comparator.comparingInt(candidate -> commonPrefix(candidate, sent)))
                .orElse("(none)");
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private SandboxHttp.Sent tokenRequest(ActiveRun run, Map<String, String> form, String secret) {
        String tokenEndpoint = issuer() + "/oauth/token";
        if (run.clientType == ClientType.CONFIDENTIAL) {
            if (secret == null || secret.isBlank()) {
                throw new InvalidInputException(
                        "secret",
                        "Paste the client's sandbox secret: a confidential client "
                                + "authenticates at the token endpoint");
            }
            return SandboxHttp.tokenRequest(tokenEndpoint, form, run.sandboxClientId, secret.strip());
        }
        Map<String, String> withClientId = new LinkedHashMap<>(form);
        withClientId.put("client_id", run.sandboxClientId);
        return SandboxHttp.tokenRequest(tokenEndpoint, withClientId, null, null);
    }

    private HttpExchange exchange(
            ActiveRun run, SandboxHttp.Sent sent, SandboxHttp.Answer answer, String secret, String... alsoSensitive) {
        List<String> sensitive = new ArrayList<>(run.sensitiveValues());
        sensitive.addAll(List.of(alsoSensitive));
        if (secret != null) {
            sensitive.add(secret.strip());
        }
        JsonNode body = parse(answer.body());
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (text(body, field) != null) {
                sensitive.add(text(body, field));
            }
        }
        Redaction redaction = new Redaction(sensitive);
        String requestBody = sent.body() == null ? null : redaction.form(Redaction.parameters(sent.body()));
        String responseBody = body == null
                ? redaction.text(answer.body())
                : redaction.json(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        return new HttpExchange(
                sent.method(),
                redaction.url(sent.url()),
                redaction.headers(sent.headers()),
                requestBody,
                answer.status(),
                redaction.headers(answer.headers()),
                responseBody,
                answer.millis());
    }

    private StepOutcome outcome(
            ActiveRun run,
            FlowStep step,
            boolean passed,
            String message,
            List<String> findings,
            String cause,
            List<HttpExchange> exchanges) {
        return new StepOutcome(step, clock.instant(), Verdict.of(passed), message, findings, cause, exchanges);
    }

    private String curl(ActiveRun run, Map<String, String> form) {
        StringBuilder curl = new StringBuilder("curl -X POST '" + issuer() + "/oauth/token'");
        if (run.clientType == ClientType.CONFIDENTIAL) {
            curl.append(" \\\n  -u \"").append(run.sandboxClientId).append(":$CLIENT_SECRET\"");
        } else {
            curl.append(" \\\n  --data-urlencode 'client_id=")
                    .append(run.sandboxClientId)
                    .append("'");
        }
        form.forEach((name, value) -> curl.append(" \\\n  --data-urlencode ")
                .append(name.equals("code") ? "\"code=$CODE\"" : "'" + name + "=" + value + "'"));
        return curl.toString();
    }

    private static String tokenCause(ActiveRun run, int status, String error) {
        if (status == 401 || "invalid_client".equals(error)) {
            return run.clientType == ClientType.CONFIDENTIAL
                    ? "The secret is wrong, expired or revoked. Paste an active sandbox secret of this client; "
                            + "rotate one on the Details tab if it is lost. The code is still unused: try again."
                    : "The issuer did not recognise the public client.";
        }
        if ("invalid_grant".equals(error)) {
            return "The code was already used or has expired, or redirect_uri or code_verifier differ from the "
                    + "authorization request. Codes work once and for a few minutes: start a new run.";
        }
        return "See the error description.";
    }

    private static String refreshCause(int status, String error, String description) {
        if (status == 401 || "invalid_client".equals(error)) {
            return "The secret is wrong, expired or revoked. The refresh token was not used: try again with an "
                    + "active sandbox secret.";
        }
        if ("invalid_grant".equals(error) && description != null && description.contains("already used")) {
            return "This refresh token was used before. The issuer treats a second use as theft (refresh token "
                    + "reuse) and has revoked the whole authorization: start a new run.";
        }
        return "The refresh token is unknown, expired or revoked: start a new run.";
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        return body == null || !body.hasNonNull(field) ? null : body.get(field).asString();
    }

    private static String describe(JsonNode body) {
        String description = text(body, "error_description");
        return description == null ? "" : " (" + description + ")";
    }
}
