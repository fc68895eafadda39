package org.devportal.security.idp;

import java.util.Set;
import org.devportal.security.Role;

/** Accounts at the built-in identity provider for tests in other packages that sign in over HTTP. */
public final class TestAccounts {

    private TestAccounts() {}

    /** Creates a verified account if needed and returns its subject, the identity provider's stable user ID. */
    public static String ensure(AccountService accounts, String email, String name, String password, Role... roles) {
        accounts.ensureDemoAccount(email, name, password, Set.of(roles));
        return accounts.findByEmail(email).orElseThrow().getId().toString();
    }

    /** The id of the account with this e-mail address, which must exist. */
    public static java.util.UUID idOf(AccountService accounts, String email) {
        return accounts.findByEmail(email).orElseThrow().getId();
    }
}
