package org.devportal.registration;

/** A token just created: its value, to be shown once, and how it appears in the list from now on. */
public record NewInitialAccessToken(RegistrationToken token, InitialAccessTokenView view) {}
