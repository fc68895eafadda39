/**
 * The shared user interface: the application shell, the home route, the global error handling and small
 * components every feature's views use.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.devportal.base.ui;
