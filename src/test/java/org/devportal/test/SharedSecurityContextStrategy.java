package org.devportal.test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a test class that starts an application context of its own beside the shared one. Starting it makes that
 * context's Vaadin security-context strategy the global one, so the shared context's code that reads the global
 * holder (Spring Authorization Server's, for one) would no longer see the sign-ins its own filters store, and every
 * later test in the same JVM would fail to sign in. {@link #remember} takes the global strategy before the other
 * context starts (from a static field, which runs when the class loads); {@link #restore} puts it back afterwards.
 */
public final class SharedSecurityContextStrategy {

    private final SecurityContextHolderStrategy shared;

    private SharedSecurityContextStrategy(SecurityContextHolderStrategy shared) {
        this.shared = shared;
    }

    public static SharedSecurityContextStrategy remember() {
        return new SharedSecurityContextStrategy(SecurityContextHolder.getContextHolderStrategy());
    }

    public void restore() {
        SecurityContextHolder.setContextHolderStrategy(shared);
    }
}
