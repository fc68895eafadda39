/**
 * The authorization server's pages: the consent page, its preview on the client page (both show one
 * {@link org.devportal.authserver.ui.ConsentScreen}), and the client page's "Active grants" tab.
 */
package org.devportal.authserver.ui;
