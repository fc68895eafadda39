/**
 * The registration API's part of the team's client list: creating an initial access token (shown once),
 * listing the team's tokens and revoking them.
 */
package org.devportal.registration.ui;
