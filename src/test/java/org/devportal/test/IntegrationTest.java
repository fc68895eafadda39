package org.devportal.test;

import org.devportal.Application;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every integration test: one Spring context, shared by all of them, with a real server on a
 * known port and the embedded MariaDB. Only the SMTP server is replaced, by a recorder.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected RecordingMailSender mail;

    @DynamicPropertySource
    static void serverAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> TestPorts.SERVER_PORT);
        registry.add("portal.base-url", IntegrationTest::baseUrl);
    }

    protected static String baseUrl() {
        return "http://localhost:" + TestPorts.SERVER_PORT;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        RecordingMailSender recordingMailSender() {
            return new RecordingMailSender();
        }
    }

    /** Makes sure the recorder is the mail sender the application uses. */
    @Autowired
    void checkMailSender(JavaMailSender sender) {
        if (!(sender instanceof RecordingMailSender)) {
            throw new IllegalStateException("Tests must not send real e-mail");
        }
    }
}
