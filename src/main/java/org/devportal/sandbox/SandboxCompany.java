package org.devportal.sandbox;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A team's sandbox company: the resource owner a sandbox authorization is for. */
@NamedInterface("companies")
public record SandboxCompany(UUID id, UUID organisationId, UUID teamId, String name) {}
