/**
 * The developer portal: third-party developers register the OAuth 2.0 clients of their integrations,
 * reviewers approve them for production, and teams rotate their secrets.
 */
package org.devportal;
