package org.devportal.authserver;

import java.time.Instant;
import java.util.List;

/**
 * A live authorization of a client, as its team sees it: whom it is for and what it allows, never a token.
 *
 * @param id identifies the authorization, to revoke it
 * @param issuer the issuer that granted it
 * @param endUser the portal user who consented: their name when they are a member of the client's team, else their
 *        subject
 * @param subject the subject of its access tokens, the company or organisation the client acts for; null before
 *        the first token
 * @param scopes the scopes the user granted
 * @param createdAt when the user consented
 * @param lastRefreshedAt when the client last refreshed its tokens; null if it never did
 */
public record ActiveGrant(
        String id,
        Issuer issuer,
        String endUser,
        String subject,
        List<String> scopes,
        Instant createdAt,
        Instant lastRefreshedAt) {}
