/**
 * The client pages: a team's client list, the create wizard and the client page with its editors. Other modules
 * add tabs to the client page through {@link org.devportal.clients.ui.ClientPageTab}.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.devportal.clients.ui;
