package org.devportal.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Configuration as code in a real Chromium: the client page's export downloads the document, the client list
 * imports it as a new client, and that client's page shows its consent screens, following the form as the user
 * types.
 */
class ConfigAsCodeBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ClientService clients;

    @Test
    void a_developer_exports_a_client_imports_it_as_a_new_one_and_sees_its_consent_screen() {
        String email = "config-browser-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Config Tester", PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Config");
        ClientDetails registered =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", TestClients.REDIRECT_URI);
        ClientDetails client = clients.update(
                registered.id(), registered.version(), TestClients.complete().build());

        browser.get(baseUrl() + "/");
        signIn(email, PASSWORD);
        browser.get(baseUrl() + "/clients/" + client.id() + "/configuration");
        waitForHeading("Ledger Sync");

        // The export link downloads the document over the user's own session.
        String exported = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-configuration').href)"
                        + ".then(response => response.text()).then(done, error => done('failed: ' + error));");
        ObjectNode document = (ObjectNode) JSON.readTree(exported);
        assertThat(document.get("client_name").stringValue()).isEqualTo("Ledger Sync");
        assertThat(document.has("client_secret")).isFalse();
        assertThat(document.has("registration_access_token")).isFalse();

        // Imported on the client list under another name, after a preview.
        document.put("client_name", "Ledger Import");
        browser.get(baseUrl() + "/teams/" + team.id() + "/clients");
        waitForHeading(": clients");
        click(By.id("import-client"));
        type(By.cssSelector("#configuration-document textarea"), JSON.writeValueAsString(document));
        click(By.id("configuration-preview"));
        wait.until(driver -> text("#configuration-diff").contains("Ledger Import"));
        assertThat(clients.count(team.id(), ""))
                .as("nothing registered before confirming")
                .isEqualTo(1);
        screenshot("configuration-import-preview");
        click(By.id("configuration-confirm"));
        waitForHeading("Ledger Import");
        assertThat(clients.count(team.id(), "")).isEqualTo(2);
        // A new confidential client's first secret is offered once, as for any other registration.
        click(By.cssSelector("#secret-stored label"));
        click(By.id("secret-done"));

        // The new client's consent screens, as users will see them, follow the form before it is saved, also when
        // the form is in another section of the page.
        click(By.id("section-consent"));
        wait.until(driver -> text("#preview-sandbox-consent-title").startsWith("Ledger Import wants to access"));
        assertThat(text("#preview-sandbox-consent-unreviewed")).contains("has not reviewed this client");
        assertThat(text("#preview-production-consent-title")).startsWith("Ledger Import wants to access");
        click(By.id("section-details"));
        type(By.cssSelector("#name input"), "Ledger Preview");
        click(By.id("section-consent"));
        wait.until(driver -> text("#preview-sandbox-consent-title").startsWith("Ledger Preview wants to access"));
        screenshot("consent-preview");
    }

    private String text(String selector) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "const element = document.querySelector(arguments[0]);"
                                + "return element ? element.innerText : '';",
                        selector);
    }
}
