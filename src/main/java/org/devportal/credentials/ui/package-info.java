/** The credentials section of the client page: client ID, secrets, rotation and the one-time reveal. */
package org.devportal.credentials.ui;
