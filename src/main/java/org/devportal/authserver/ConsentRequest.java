package org.devportal.authserver;

import java.util.List;

/**
 * What the consent page shows and posts back.
 *
 * @param issuer the issuer asking
 * @param authorizationEndpoint where the consent form is posted
 * @param clientId the client's OAuth client ID
 * @param state the consent state, posted back unchanged
 * @param clientName the client's name
 * @param clientUri the client's home page, or null
 * @param logoUrl the client's logo at 128 px, or null
 * @param tosUri the client's terms of service, or null
 * @param policyUri the client's privacy policy, or null
 * @param scopes the requested scopes, with what they allow
 * @param reviewed whether a reviewer has approved the client (never, in the sandbox)
 * @param member whether the signed-in user may authorise the client (is a member of its team)
 * @param companyName the company the client will act for, when the user may authorise it
 * @param redirectHost the host the browser will be sent back to
 */
public record ConsentRequest(
        Issuer issuer,
        String authorizationEndpoint,
        String clientId,
        String state,
        String clientName,
        String clientUri,
        String logoUrl,
        String tosUri,
        String policyUri,
        List<RequestedScope> scopes,
        boolean reviewed,
        boolean member,
        String companyName,
        String redirectHost) {

    /** A requested scope and the sentence that tells the user what it allows. */
    public record RequestedScope(String name, String api, String description) {}
}
