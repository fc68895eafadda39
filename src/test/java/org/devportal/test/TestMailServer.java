package org.devportal.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server of the test run: GreenMail on a free loopback port, started once for the shared test context and
 * left running until the JVM ends. The portal's own {@code JavaMailSender} delivers to it over SMTP.
 */
public final class TestMailServer {

    private static final GreenMail SERVER = start();

    private TestMailServer() {}

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-server-stop"));
        return server;
    }

    public static GreenMail server() {
        return SERVER;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }
}
