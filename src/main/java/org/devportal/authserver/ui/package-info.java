/**
 * The authorization server's pages: the consent page, and its preview on the client page. Both show one
 * {@link org.devportal.authserver.ui.ConsentScreen}.
 */
package org.devportal.authserver.ui;
