/**
 * Running the portal: the actuator's security on the management port, the readiness status on the main port for
 * load balancers, the schema's health, and start-up checks of the database (a stale migration lock, durability
 * settings that can lose committed grants). It publishes nothing and no feature depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"base"})
package org.devportal.operations;
