/** The authorization server's pages: the consent page, and the client page's "Active grants" tab. */
package org.devportal.authserver.ui;
