package org.devportal.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A component a feature adds to the application shell's navigation bar, such as the team switcher. The shell
 * lives in the base module and knows no feature; features contribute instead.
 */
public interface NavbarContribution {

    /** A new component for one shell instance. */
    Component create();
}
