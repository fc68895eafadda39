package org.devportal.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.devportal.base.Environment;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ConcurrentEditException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dynamic client registration endpoints (RFC 7591) at {@code {base}/sandbox/oauth/register} and
 * {@code {base}/production/oauth/register}, and their client configuration endpoints (RFC 7592) at
 * {@code .../oauth/register/{client_id}}. Both take an initial access token of their own environment; production has
 * no open registration, and a client registered there goes to review, so its answer says
 * {@code "review_status": "pending"} and carries no secret. Its production client ID appears in the configuration
 * endpoint's answer once a reviewer has approved it.
 *
 * <p>This class only speaks HTTP: it reads the bearer token and at most {@value #MAX_BODY_BYTES} bytes of body,
 * and turns results and errors into JSON. Tokens are checked by {@link ClientRegistrationService}. Every answer
 * carries {@code Cache-Control: no-store} and {@code Pragma: no-cache} (RFC 7591 §3.2.1), set by
 * {@link RegistrationSecurityConfiguration} for everything under these paths.
 */
@RestController
class ClientRegistrationEndpoint {

    static final String PATH = "/sandbox/oauth/register";
    static final String PRODUCTION_PATH = "/production/oauth/register";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ClientRegistrationEndpoint.class);
    private static final String BEARER = "bearer ";

    private final ClientRegistrationService registrations;
    private final PortalProperties portal;

    ClientRegistrationEndpoint(ClientRegistrationService registrations, PortalProperties portal) {
        this.registrations = registrations;
        this.portal = portal;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> register(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        byte[] body = body(request);
        var registration = registrations.register(Environment.SANDBOX, bearer(authorization), body);
        Map<String, Object> json = information(Environment.SANDBOX, registration);
        registration.clientSecret().ifPresent(secret -> {
            json.put("client_secret", secret.value());
            json.put("client_secret_expires_at", 0);
        });
        return json(HttpStatus.CREATED, json);
    }

    @GetMapping(PATH + "/{clientId}")
    ResponseEntity<Map<String, Object>> read(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return json(
                HttpStatus.OK, information(Environment.SANDBOX, registrations.read(clientId, bearer(authorization))));
    }

    @PutMapping(PATH + "/{clientId}")
    ResponseEntity<Map<String, Object>> replace(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        byte[] body = body(request);
        return json(
                HttpStatus.OK,
                information(
                        Environment.SANDBOX,
                        registrations.replace(Environment.SANDBOX, clientId, bearer(authorization), body)));
    }

    /** Registers a client and submits it for review; no secret until approval. */
    @PostMapping(PRODUCTION_PATH)
    ResponseEntity<Map<String, Object>> registerAtProduction(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        // Production has no open registration: without a token, the answer is 401 whatever the body.
        String token = requireBearer(authorization, RegistrationToken.Kind.INITIAL_ACCESS);
        byte[] body = body(request);
        var registration = registrations.register(Environment.PRODUCTION, token, body);
        return json(HttpStatus.CREATED, information(Environment.PRODUCTION, registration));
    }

    @GetMapping(PRODUCTION_PATH + "/{clientId}")
    ResponseEntity<Map<String, Object>> readAtProduction(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return json(
                HttpStatus.OK,
                information(
                        Environment.PRODUCTION,
                        registrations.read(
                                clientId, requireBearer(authorization, RegistrationToken.Kind.REGISTRATION_ACCESS))));
    }

    /** Replaces the metadata and submits it for review again; refused while in review or once approved. */
    @PutMapping(PRODUCTION_PATH + "/{clientId}")
    ResponseEntity<Map<String, Object>> replaceAtProduction(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        String token = requireBearer(authorization, RegistrationToken.Kind.REGISTRATION_ACCESS);
        byte[] body = body(request);
        return json(
                HttpStatus.OK,
                information(
                        Environment.PRODUCTION, registrations.replace(Environment.PRODUCTION, clientId, token, body)));
    }

    @DeleteMapping(PRODUCTION_PATH + "/{clientId}")
    ResponseEntity<Void> deleteAtProduction(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        registrations.delete(clientId, requireBearer(authorization, RegistrationToken.Kind.REGISTRATION_ACCESS));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(PATH + "/{clientId}")
    ResponseEntity<Void> delete(
            @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        registrations.delete(clientId, bearer(authorization));
        return ResponseEntity.noContent().build();
    }

    /** Any other method on a registration endpoint. */
    @RequestMapping({PATH, PRODUCTION_PATH})
    ResponseEntity<Map<String, Object>> otherMethodOnRegistration() {
        return methodNotAllowed("POST");
    }

    /** Any other method on a client's configuration endpoint. */
    @RequestMapping({PATH + "/{clientId}", PRODUCTION_PATH + "/{clientId}"})
    ResponseEntity<Map<String, Object>> otherMethodOnConfiguration() {
        return methodNotAllowed("GET, PUT, DELETE");
    }

    @RequestMapping({PATH + "/**", PRODUCTION_PATH + "/**"})
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        String endpoint = request.getRequestURI().startsWith(PRODUCTION_PATH) ? PRODUCTION_PATH : PATH;
        return error(HttpStatus.NOT_FOUND, "not_found", "Nothing here; the registration endpoint is " + endpoint);
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(InvalidTokenException e) {
        // RFC 6750 §3: the challenge names the error; the description stays in the body.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(errorBody("invalid_token", e.description()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(RegistrationException e) {
        return error(HttpStatus.BAD_REQUEST, e.error(), e.description());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(ApprovedClientException e) {
        return error(HttpStatus.FORBIDDEN, "access_denied", e.description());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(ConcurrentEditException e) {
        return error(
                HttpStatus.CONFLICT,
                "invalid_request",
                "The client was changed by someone else at the same time; read it again and retry");
    }

    /** The client was deleted between the token check and the change: for the caller, the token no longer works. */
    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(ClientNotFoundException e) {
        return on(new InvalidTokenException("The client of this registration access token no longer exists"));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> on(Exception e) {
        // Tokens never travel in exceptions (their toString is redacted too), so the whole exception can be logged.
        log.error("Registration request failed unexpectedly", e);
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "server_error",
                "The request could not be processed; try again later");
    }

    private Map<String, Object> information(
            Environment environment, ClientRegistrationService.Registration registration) {
        ClientDetails client = registration.client();
        String path = environment == Environment.PRODUCTION ? PRODUCTION_PATH : PATH;
        String clientUri = portal.url(path + "/" + client.sandboxClientId());
        Map<String, Object> json = ClientInformation.of(client, portal.baseUrl().toString(), clientUri);
        if (environment == Environment.PRODUCTION) {
            json.put("review_status", reviewStatus(client));
            if (client.approvedForProduction()) {
                json.put("production_client_id", client.productionClientId().toString());
            }
        }
        // RFC 7592 §3 lists the token as part of every client information response. Every answer carries a new one,
        // which replaces the one presented; only hashes are stored, so the presented one could not be returned.
        json.put(
                "registration_access_token",
                registration.registrationAccessToken().value());
        return json;
    }

    /**
     * Where production review stands, in the portal's words: {@code pending} while a reviewer has not decided,
     * {@code approved} once production serves it, {@code changes_requested} or {@code rejected} after a decision
     * against it, {@code draft} when it was withdrawn.
     */
    private static String reviewStatus(ClientDetails client) {
        if (client.approvedForProduction() && client.status() != ClientStatus.IN_REVIEW) {
            return "approved";
        }
        return switch (client.status()) {
            case IN_REVIEW -> "pending";
            case APPROVED -> "approved";
            case CHANGES_REQUESTED -> "changes_requested";
            case REJECTED -> "rejected";
            case DRAFT -> "draft";
        };
    }

    /** The bearer token, which production requires before it reads anything else. */
    private static String requireBearer(String authorization, RegistrationToken.Kind kind) {
        String token = bearer(authorization);
        if (token == null || token.isEmpty()) {
            throw kind == RegistrationToken.Kind.INITIAL_ACCESS
                    ? new InvalidTokenException("Production has no open registration: send a production initial "
                            + "access token of your team as \"Authorization: Bearer <token>\"")
                    : InvalidTokenException.unknown(kind);
        }
        return token;
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1); null when there is none. */
    private static String bearer(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** The JSON body, refused when it claims another type or is larger than the limit, whatever it declares. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentType() == null || !isJson(request.getContentType())) {
            throw RegistrationException.invalidMetadata(
                    "Send the client metadata as JSON, with Content-Type: application/json");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static RegistrationException tooLarge() {
        return RegistrationException.invalidMetadata("The client metadata is larger than " + MAX_BODY_BYTES / 1024
                + " KB; send only the fields of the client");
    }

    private static ResponseEntity<Map<String, Object>> methodNotAllowed(String allowed) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, allowed)
                .contentType(MediaType.APPLICATION_JSON)
                .body(errorBody("invalid_request", "Use " + allowed + " here"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(errorBody(error, description));
    }

    private static Map<String, Object> errorBody(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
