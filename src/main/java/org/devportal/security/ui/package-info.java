/** The identity provider's pages (sign-in, sign-up, verification, reset), the sign-in error page and the accounts page. */
package org.devportal.security.ui;
