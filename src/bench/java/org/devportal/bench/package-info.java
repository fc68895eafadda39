/** JMH benchmarks. Run with the {@code bench} Maven profile; see the README for the figures and how to reproduce them. */
package org.devportal.bench;
