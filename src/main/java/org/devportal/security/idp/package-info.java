/**
 * The built-in identity provider: an OpenID Provider at {@code {base}/idp}, built on Spring Authorization
 * Server, with a local account store (Argon2id password hashes), sign-up with e-mail verification,
 * password reset and throttled sign-in. Only verified accounts sign in; a per-account session epoch ends every
 * session older than the last reset or verification, on every node. The portal signs in through it like through
 * any external provider. Passkeys (WebAuthn) and one-time recovery codes are its second factor, written into the
 * ID token's {@code amr} and {@code auth_time}; changes to them are published as
 * {@link org.devportal.security.idp.SecondFactorChanged}.
 */
package org.devportal.security.idp;
