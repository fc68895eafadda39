package org.devportal.security.idp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devportal.base.PortalProperties;
import org.devportal.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/** Seeds the demo profile's accounts and prints them, so a newcomer can sign in at once. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(DemoAccounts.Properties.class)
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountService accounts;
    private final Properties properties;
    private final PortalProperties portal;

    DemoAccounts(AccountService accounts, Properties properties, PortalProperties portal) {
        this.accounts = accounts;
        this.properties = properties;
        this.portal = portal;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        StringBuilder banner = new StringBuilder("\n\n  Developer Portal is running at ")
                .append(portal.baseUrl())
                .append("\n  Demo accounts (demo profile):\n");
        for (Account account : properties.accounts()) {
            Set<Role> roles = account.roles() == null || account.roles().isEmpty()
                    ? EnumSet.of(Role.DEVELOPER)
                    : EnumSet.copyOf(account.roles());
            accounts.ensureDemoAccount(account.email(), account.name(), account.password(), roles);
            banner.append(String.format("    %-22s %-20s %s%n", account.email(), account.password(), roles));
        }
        banner.append(
                "  Reviewers and administrators add a passkey at their first sign-in (a browser's built-in passkey\n"
                        + "  manager or a security key will do).\n");
        log.info(banner.toString());
    }

    @ConfigurationProperties("portal.demo")
    record Properties(List<Account> accounts) {
        Properties {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    record Account(String email, String name, String password, List<Role> roles) {}
}
