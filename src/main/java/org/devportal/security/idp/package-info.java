/**
 * The built-in identity provider: an OpenID Provider at {@code {base}/idp}, built on Spring Authorization
 * Server, with a local account store (Argon2id password hashes), sign-up with e-mail verification,
 * password reset and throttled sign-in. The portal signs in through it like through any external provider.
 */
package org.devportal.security.idp;
