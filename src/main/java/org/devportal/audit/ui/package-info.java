/** The history tab of the client page. */
package org.devportal.audit.ui;
