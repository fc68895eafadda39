/** The teams pages, the invitation page and the team switcher in the application shell. */
package org.devportal.teams.ui;
