/** The logo section of the client page: upload, the square crop in the browser, and the saved logo's sizes. */
package org.devportal.logos.ui;
