package org.devportal.flowtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.devportal.clients.ClientType;

/**
 * A run in progress, in memory only: the values that must never be stored (state, PKCE verifier, code, tokens)
 * live here until the run ends or expires.
 */
final class ActiveRun {

    final UUID runId;
    final UUID clientId;
    final UUID teamId;
    final String sandboxClientId;
    final ClientType clientType;
    final String starterSubject;
    final String redirectUri;
    final ScopeRequest scopes;
    final String state;
    final Pkce pkce;
    final Instant expiresAt;
    private Consumer<StepOutcome> onCallback;
    private boolean callbackReceived;
    private String code;
    private String accessToken;
    private String refreshToken;
    private String grantedScope;

    ActiveRun(
            UUID runId,
            UUID clientId,
            UUID teamId,
            String sandboxClientId,
            ClientType clientType,
            String starterSubject,
            String redirectUri,
            ScopeRequest scopes,
            String state,
            Pkce pkce,
            Instant expiresAt,
            Consumer<StepOutcome> onCallback) {
        this.runId = runId;
        this.clientId = clientId;
        this.teamId = teamId;
        this.sandboxClientId = sandboxClientId;
        this.clientType = clientType;
        this.starterSubject = starterSubject;
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.state = state;
        this.pkce = pkce;
        this.expiresAt = expiresAt;
        this.onCallback = onCallback;
    }

    /** Takes the first callback only; a second one with the same state is a replay. */
    synchronized boolean acceptCallback(String receivedCode) {
        if (callbackReceived) {
            return false;
        }
        callbackReceived = receivedCode != null;
        code = receivedCode;
        return true;
    }

    synchronized boolean callbackReceived() {
        return callbackReceived;
    }

    synchronized String code() {
        return code;
    }

    synchronized void tokens(String access, String refresh, String scope) {
        accessToken = access;
        refreshToken = refresh;
        grantedScope = scope;
        code = null;
    }

    synchronized void revoked() {
        accessToken = null;
        refreshToken = null;
    }

    synchronized String accessToken() {
        return accessToken;
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized String grantedScope() {
        return grantedScope;
    }

    synchronized Consumer<StepOutcome> listener() {
        return onCallback;
    }

    /** Every value to mask wherever it might appear. */
    synchronized List<String> sensitiveValues() {
        List<String> values = new ArrayList<>(List.of(state, pkce.verifier()));
        for (String value : new String[] {code, accessToken, refreshToken}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "ActiveRun[" + runId + "]";
    }
}
