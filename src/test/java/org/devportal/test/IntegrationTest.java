package org.devportal.test;

import java.util.UUID;
import org.devportal.Application;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every integration test: one Spring context, shared by all of them, with a real server on a
 * known port, the management server on a free one, metrics exported as in production, and the embedded MariaDB.
 * E-mail goes over SMTP to a real server on a loopback port ({@link TestMailServer}); {@link #mail} reads what it
 * received.
 *
 * <p>Most tests start as a signed-in member of a team of their own: {@link #signInWithANewTeam}, or, for a user
 * who also signs in over HTTP or in a browser, {@link #signInWithAccount} followed by {@link #newTeam}. Whoever
 * is signed in is signed out after each test.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@AutoConfigureMetrics
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected RecordingMailSender mail;

    @Autowired
    private TeamService teamService;

    @Autowired
    private AccountService accountService;

    @DynamicPropertySource
    static void serverAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> TestPorts.SERVER_PORT);
        registry.add("portal.base-url", IntegrationTest::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    public static String baseUrl() {
        return "http://localhost:" + TestPorts.SERVER_PORT;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterEach
    void signOutAfterEachTest() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Makes the user the signed-in one, as the portal's OIDC sign-in would. View tests also show the user to
     * Vaadin's access checks.
     */
    protected void signInAs(Authentication user) {
        SecurityContextHolder.getContext().setAuthentication(user);
    }

    /** Signs a user with the given roles in; the subject is derived from the e-mail address. */
    protected void signInAs(String email, Role... roles) {
        signInAs(SignedIn.as(email, roles));
    }

    /**
     * Signs in a user who has an account at the built-in identity provider, created if needed, under that
     * account's subject: the same user can then sign in over HTTP or in a browser as well.
     *
     * @return the account's subject
     */
    protected String signInWithAccount(String email, String name, String password, Role... roles) {
        String subject = TestAccounts.ensure(accountService, email, name, password, roles);
        signInAs(SignedIn.withSubject(subject, email, roles));
        return subject;
    }

    /** Creates a team owned by the signed-in user, named by the prefix and a random suffix that keeps tests apart. */
    protected TeamSummary newTeam(String namePrefix) {
        return teamService.createTeam(
                namePrefix + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    /** Signs the user in and creates a team they own: the starting point of most tests. */
    protected TeamSummary signInWithANewTeam(String email, String teamNamePrefix, Role... roles) {
        signInAs(email, roles);
        return newTeam(teamNamePrefix);
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
            return new RecordingMailSender(TestMailServer.server());
        }
    }

    /** Makes sure the application's mail sender delivers to the test SMTP server, and to nowhere else. */
    @Autowired
    void checkMailSender(JavaMailSender sender) {
        if (!(sender instanceof JavaMailSenderImpl smtp)
                || !"127.0.0.1".equals(smtp.getHost())
                || smtp.getPort() != TestMailServer.port()) {
            throw new IllegalStateException("Tests must send e-mail to the test SMTP server only");
        }
    }
}
