package org.devportal.sandbox;

import java.util.UUID;

/** A dummy vendor of a sandbox company, served by the sample API. */
public record SandboxVendor(UUID id, String name, String country, String currency) {}
