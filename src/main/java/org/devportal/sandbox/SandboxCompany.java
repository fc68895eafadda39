package org.devportal.sandbox;

import java.util.UUID;

/** A team's sandbox company: the resource owner a sandbox authorization is for. */
public record SandboxCompany(UUID id, UUID organisationId, UUID teamId, String name) {}
