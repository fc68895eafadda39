package org.devportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in portal session against its account on every request: one primary-key read. A session ends
 * when the account is gone, is not verified, or has a newer session epoch than the one it signed in with (a
 * password reset or verification since); a change of roles replaces the session's roles at once.
 */
final class SessionCheckFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCheckFilter.class);

    private final AccountSessions accounts;
    private final SecurityProperties properties;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionCheckFilter(AccountSessions accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser user
                && accounts.appliesTo(user)) {
            Optional<AccountSessions.State> state = accounts.current(user);
            if (state.isEmpty() || !state.get().verified() || state.get().sessionEpoch() != epochOf(user)) {
                end(request);
            } else {
                Set<Role> roles = rolesOf(user, state.get());
                if (!roles.equals(rolesOf(token))) {
                    SecurityContext updated = SecurityContextHolder.createEmptyContext();
                    updated.setAuthentication(withRoles(token, roles));
                    SecurityContextHolder.setContext(updated);
                    contexts.saveContext(updated, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        log.info("Ended a session whose account changed since sign-in");
    }

    private static int epochOf(OidcUser user) {
        Object claim = user.getClaims().get(AccountSessions.SESSION_EPOCH_CLAIM);
        return claim instanceof Number number ? number.intValue() : -1;
    }

    private Set<Role> rolesOf(OidcUser user, AccountSessions.State state) {
        Set<Role> roles = EnumSet.of(Role.DEVELOPER);
        roles.addAll(state.roles());
        if (state.verified() && properties.isAdminEmail(user.getEmail())) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }

    private static Set<Role> rolesOf(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority() != null && authority.getAuthority().startsWith("ROLE_")) {
                Role.parse(authority.getAuthority()).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationToken withRoles(OAuth2AuthenticationToken token, Set<Role> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (GrantedAuthority authority : token.getAuthorities()) {
            if (authority.getAuthority() == null || !authority.getAuthority().startsWith("ROLE_")) {
                authorities.add(authority);
            }
        }
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        OAuth2AuthenticationToken updated = new OAuth2AuthenticationToken(
                token.getPrincipal(), authorities, token.getAuthorizedClientRegistrationId());
        updated.setDetails(token.getDetails());
        return updated;
    }
}
