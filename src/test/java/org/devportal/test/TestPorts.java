package org.devportal.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The port the test server listens on, chosen once per JVM. The portal's base URL must be known before the
 * context starts (the identity provider registers redirect URIs with it), so a random port is picked up front.
 */
public final class TestPorts {

    public static final int SERVER_PORT = freePort();

    private TestPorts() {}

    /** A port that is free now, for a server a test starts beside the shared one. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
