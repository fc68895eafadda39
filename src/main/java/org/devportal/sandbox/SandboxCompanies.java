package org.devportal.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.devportal.teams.TeamMembership;
import org.devportal.teams.TeamService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each team's sandbox company, with a little dummy data (vendors, accounts, users) for the sample API. A company
 * is created the first time a member of the team authorises a client for it, and never changes afterwards.
 */
@NamedInterface("companies")
@Service
public class SandboxCompanies {

    private static final List<String[]> VENDORS = List.of(
            new String[] {"Nordic Office Supplies", "DK", "DKK"},
            new String[] {"Cloudway Hosting", "IE", "EUR"},
            new String[] {"Brightline Travel", "GB", "GBP"},
            new String[] {"Kaffebar Norrebro", "DK", "DKK"},
            new String[] {"Stadtwerke Rechenzentrum", "DE", "EUR"});
    private static final List<String[]> ACCOUNTS = List.of(
            new String[] {"4000", "Office supplies"},
            new String[] {"4100", "Software subscriptions"},
            new String[] {"4200", "Travel"},
            new String[] {"4300", "Meals and entertainment"});
    private static final List<String[]> USERS = List.of(
            new String[] {"Alex Morgan", "alex.morgan@sandbox.invalid"},
            new String[] {"Sam Jensen", "sam.jensen@sandbox.invalid"},
            new String[] {"Robin Weber", "robin.weber@sandbox.invalid"});

    private final JdbcTemplate jdbc;
    private final TeamService teams;
    private final Clock clock;
    private final Map<UUID, SandboxCompany> byTeam = new ConcurrentHashMap<>();

    SandboxCompanies(JdbcTemplate jdbc, TeamService teams, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.clock = clock;
    }

    /** The sandbox company of a team the signed-in user belongs to, created on first use. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SandboxCompany forMember(UUID teamId) {
        TeamMembership membership = teams.requireMembership(teamId);
        Optional<SandboxCompany> existing = ofTeam(teamId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SandboxCompany company =
                new SandboxCompany(UUID.randomUUID(), UUID.randomUUID(), teamId, companyName(membership));
        try {
            jdbc.update(
                    "insert into sandbox_company (id, team_id, organisation_id, name, created_at) values (?, ?, ?, ?, ?)",
                    company.id(),
                    teamId,
                    company.organisationId(),
                    company.name(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException raced) {
            return ofTeam(teamId).orElseThrow();
        }
        for (int i = 0; i < VENDORS.size(); i++) {
            String[] vendor = VENDORS.get(i);
            jdbc.update(
                    "insert into sandbox_vendor (id, company_id, position, name, country, currency) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    company.id(),
                    i,
                    vendor[0],
                    vendor[1],
                    vendor[2]);
        }
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            jdbc.update(
                    "insert into sandbox_account (id, company_id, position, code, name) values (?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    company.id(),
                    i,
                    ACCOUNTS.get(i)[0],
                    ACCOUNTS.get(i)[1]);
        }
        for (int i = 0; i < USERS.size(); i++) {
            jdbc.update(
                    "insert into sandbox_user (id, company_id, position, name, email) values (?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    company.id(),
                    i,
                    USERS.get(i)[0],
                    USERS.get(i)[1]);
        }
        return company;
    }

    /**
     * The name of the sandbox company of a team the signed-in user belongs to, as it is or as it will be once a
     * member first authorises a client; nothing is created. For previews of the consent page.
     */
    @Transactional(readOnly = true)
    public String nameFor(UUID teamId) {
        TeamMembership membership = teams.requireMembership(teamId);
        return ofTeam(teamId).map(SandboxCompany::name).orElseGet(() -> companyName(membership));
    }

    private static String companyName(TeamMembership membership) {
        return membership.teamName() + " (sandbox company)";
    }

    /**
     * The team's company if it exists; for the token issuer, which has no signed-in user. Not transactional of its
     * own: it is asked on every grant, mostly answered from memory, and its one statement needs no transaction.
     */
    public Optional<SandboxCompany> ofTeam(UUID teamId) {
        SandboxCompany cached = byTeam.get(teamId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SandboxCompany> found = jdbc
                .query(
                        "select id, organisation_id, name from sandbox_company where team_id = ?",
                        (rs, row) -> new SandboxCompany(
                                UUID.fromString(rs.getString(1)),
                                UUID.fromString(rs.getString(2)),
                                teamId,
                                rs.getString(3)),
                        teamId)
                .stream()
                .findFirst();
        found.ifPresent(company -> byTeam.put(teamId, company));
        return found;
    }

    /** The company's dummy vendors; for the sample API, which has checked the caller's token. */
    @Transactional(readOnly = true)
    public List<SandboxVendor> vendors(UUID companyId) {
        return jdbc.query(
                "select id, name, country, currency from sandbox_vendor where company_id = ? order by position",
                (rs, row) -> new SandboxVendor(
                        UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)),
                companyId);
    }
}
