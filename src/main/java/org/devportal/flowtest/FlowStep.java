package org.devportal.flowtest;

/** The steps of a flow test, in order. */
public enum FlowStep {
    REDIRECT_URI("Redirect URI"),
    AUTHORIZATION_REQUEST("Authorization request"),
    SIGN_IN("Sign in and consent"),
    CALLBACK("Callback check"),
    TOKEN_EXCHANGE("Token exchange"),
    API_CALL("API call"),
    REFRESH("Refresh"),
    SUMMARY("Summary");

    private final String title;

    FlowStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The step's number as the stepper shows it, from 1. */
    public int number() {
        return ordinal() + 1;
    }
}
