package org.devportal.base;

import java.util.function.Predicate;

/** Looks through an exception and the chain of its causes, however a driver, Hibernate or Spring wrapped them. */
public final class Causes {

    private Causes() {}

    /** Whether the failure itself or any of its causes matches. */
    public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
