package org.devportal.sandbox;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A dummy vendor of a sandbox company, served by the sample API. */
@NamedInterface("companies")
public record SandboxVendor(UUID id, String name, String country, String currency) {}
