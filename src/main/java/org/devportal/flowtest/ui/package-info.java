/**
 * The flow test's pages: the stepper at {@code clients/:clientId/flow-test}, and the client page's section with the
 * latest run.
 */
package org.devportal.flowtest.ui;
