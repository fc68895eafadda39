/**
 * The client pages: a team's client list, the create wizard and the client page with its editors. Other modules
 * add tabs and sections to the client page through {@link org.devportal.clients.ui.ClientPageTab} and
 * {@link org.devportal.clients.ui.ClientPageSection}; a section that implements
 * {@link org.devportal.clients.ui.ClientDraftListener} follows the form as the user types. They add sections to
 * the client list through {@link org.devportal.clients.ui.ClientListContribution}.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.devportal.clients.ui;
