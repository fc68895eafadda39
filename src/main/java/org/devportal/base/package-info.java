/**
 * The shared kernel: the {@link java.time.Clock}, the base entity, portal-wide configuration and the
 * embedded database used in development and tests. Every other module may depend on it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base")
package org.devportal.base;
