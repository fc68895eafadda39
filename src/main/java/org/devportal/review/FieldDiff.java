package org.devportal.review;

import java.util.List;

/**
 * One field of a revision next to the last approved value.
 *
 * @param field the field's label
 * @param before the approved value, or null when there is none
 * @param after the submitted value, or null when removed
 * @param changed whether the two differ
 * @param risks why the change matters, empty when it does not
 */
public record FieldDiff(String field, String before, String after, boolean changed, List<Risk> risks) {}
