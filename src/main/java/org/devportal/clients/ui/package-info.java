/**
 * The client pages: a team's client list, the create wizard and the client page with its editors, one section at a
 * time, each at its own address. Other modules add sections to the client page through
 * {@link org.devportal.clients.ui.ClientPageTab} and {@link org.devportal.clients.ui.ClientPageSection}, naming
 * their address; a section asks the page about unsaved changes through {@link org.devportal.clients.ui.ClientPage};
 * a section that implements
 * {@link org.devportal.clients.ui.ClientDraftListener} follows the form as the user types. They add sections to
 * the client list through {@link org.devportal.clients.ui.ClientListContribution}, and buttons to its header through
 * {@link org.devportal.clients.ui.ClientListAction}.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.devportal.clients.ui;
