/** The authorization server's pages: the consent page. */
package org.devportal.authserver.ui;
