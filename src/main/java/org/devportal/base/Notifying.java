package org.devportal.base;

import java.util.List;

/**
 * An event that people should hear about in the portal. Modules publish such events instead of calling the
 * notifications module, which delivers every {@link Notice} with one listener, in the publisher's transaction.
 */
public interface Notifying {

    /** The notifications this event causes; empty when it causes none. */
    List<Notice> notices();
}
