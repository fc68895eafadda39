package org.devportal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.devportal.security.idp.PasskeyService;
import org.devportal.security.idp.SecondFactorStep;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The browser's half of a passkey ceremony: it asks Spring Security's WebAuthn endpoints for options, calls the
 * browser's credential API, and posts the result back, with the page's CSRF token. The verification itself is
 * the server's (webauthn4j); this only moves bytes between the two, base64url-encoded.
 */
final class PasskeyCeremony {

    private static final String COMMON = """
            const enc = buf => btoa(String.fromCharCode(...new Uint8Array(buf)))
                .replace(/=/g, '').replace(/\\+/g, '-').replace(/\\//g, '_');
            const dec = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)).buffer;
            const token = document.querySelector('meta[name="_csrf"]');
            const header = document.querySelector('meta[name="_csrf_header"]');
            const post = async (url, body) => {
              const headers = {'Content-Type': 'application/json'};
              if (token && header) { headers[header.content] = token.content; }
              const response = await fetch(url, {method: 'POST', credentials: 'same-origin', headers,
                  body: body === undefined ? undefined : JSON.stringify(body)});
              if (!response.ok) { throw new Error('HTTP ' + response.status); }
              return response.json();
            };
            if (!window.PublicKeyCredential) { throw new Error('unsupported'); }
            """;

    private static final String REGISTER = COMMON + """
            const options = await post('/webauthn/register/options');
            const credential = await navigator.credentials.create({publicKey: {...options,
                user: {...options.user, id: dec(options.user.id)},
                challenge: dec(options.challenge),
                excludeCredentials: (options.excludeCredentials || []).map(c => ({...c, id: dec(c.id)}))}});
            const result = await post('/webauthn/register', {publicKey: {label: $0, credential: {
                id: credential.id, rawId: enc(credential.rawId), type: credential.type,
                response: {attestationObject: enc(credential.response.attestationObject),
                    clientDataJSON: enc(credential.response.clientDataJSON),
                    transports: credential.response.getTransports ? credential.response.getTransports() : []},
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment}}});
            if (!result.success) { throw new Error('refused'); }
            return 'registered';""";

    private static final String CONFIRM = COMMON + """
            const options = await post('/webauthn/authenticate/options');
            const credential = await navigator.credentials.get({publicKey: {...options,
                challenge: dec(options.challenge),
                allowCredentials: (options.allowCredentials || []).map(c => ({...c, id: dec(c.id)}))}});
            const r = credential.response;
            const result = await post('/login/webauthn', {
                id: credential.id, rawId: enc(credential.rawId), credType: credential.type,
                response: {authenticatorData: enc(r.authenticatorData), clientDataJSON: enc(r.clientDataJSON),
                    signature: enc(r.signature), userHandle: r.userHandle ? enc(r.userHandle) : undefined},
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment});
            if (!result.authenticated) { throw new Error('refused'); }
            return result.redirectUrl;""";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasskeyCeremony.class);

    private PasskeyCeremony() {}

    /** The browser's reason (an HTTP status or the credential API's error name) goes to the log for support. */
    private static SerializableConsumer<String> logged(SerializableConsumer<String> failed) {
        return reason -> {
            log.warn("A passkey ceremony failed in the browser: {}", reason);
            failed.accept(reason);
        };
    }

    /**
     * The second-factor step of the sign-in in progress; when there is none, the card says the sign-in has ended
     * and links to a new one.
     */
    static Optional<SecondFactorStep> currentStep(PasskeyService passkeys, AuthCard card) {
        try {
            return Optional.of(passkeys.secondFactorStep());
        } catch (AuthenticationCredentialsNotFoundException e) {
            card.replaceBody(
                    "Sign in first",
                    new Paragraph("Your sign-in has ended. Sign in again to continue."),
                    new RouterLink("Sign in", IdpLoginView.class));
            return Optional.empty();
        }
    }

    /** Registers a new passkey with the given name for the account signed in to the identity provider. */
    static void register(Component on, String label, Runnable done, SerializableConsumer<String> failed) {
        on.getElement()
                .executeJs("return (async () => {" + REGISTER + "})()", label)
                .then(String.class, result -> done.run(), logged(failed));
    }

    /** Confirms the sign-in with a passkey; hands over the URL to continue to. */
    static void confirm(Component on, SerializableConsumer<String> done, SerializableConsumer<String> failed) {
        on.getElement().executeJs("return (async () => {" + CONFIRM + "})()").then(String.class, done, logged(failed));
    }
}
