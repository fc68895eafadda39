package org.devportal.base;

/** One changed field: its label, and its value before and after (null when unset). Never holds secrets. */
public record FieldChange(String field, String oldValue, String newValue) {}
