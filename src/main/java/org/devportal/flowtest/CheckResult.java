package org.devportal.flowtest;

/** Whether one of the four checks passed. */
public record CheckResult(Check check, boolean passed) {}
