package org.devportal.security.idp;

/**
 * Where a sign-in at the identity provider stands on its second factor.
 *
 * @param hasPasskey whether the account has a passkey to confirm with
 * @param passkeyRequired whether the account's role makes a passkey mandatory
 * @param recoveryCodesLeft unused recovery codes
 */
public record SecondFactorStep(boolean hasPasskey, boolean passkeyRequired, long recoveryCodesLeft) {}
