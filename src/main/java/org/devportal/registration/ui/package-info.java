/**
 * The registration API's part of the team's client list: creating an initial access token (shown once),
 * listing the team's tokens and revoking them, and listing and revoking the registration access tokens of the
 * clients the API registered.
 */
package org.devportal.registration.ui;
