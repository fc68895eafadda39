package org.devportal.security.idp;

/** Session attributes the sign-in form's failures leave for the sign-in page. */
public final class IdpSignIn {

    /** The e-mail address of the last failed sign-in, to fill the field in again. */
    public static final String LAST_EMAIL_ATTRIBUTE = "PORTAL_IDP_LAST_EMAIL";

    /** The account whose correct password was entered but whose address is not verified yet. */
    public static final String UNVERIFIED_ACCOUNT_ATTRIBUTE = "PORTAL_IDP_UNVERIFIED_ACCOUNT";

    private IdpSignIn() {}
}
