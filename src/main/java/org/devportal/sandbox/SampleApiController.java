package org.devportal.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.base.PortalProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The sample platform API: enough to prove that a token works and carries the right scopes and subject. */
@RestController
class SampleApiController {

    private final SandboxCompanies companies;
    private final PortalProperties portal;

    SampleApiController(SandboxCompanies companies, PortalProperties portal) {
        this.companies = companies;
        this.portal = portal;
    }

    /** Echoes what the calling token stands for. */
    @GetMapping("/{issuer:sandbox|production}/api/v1/introspect")
    ResponseEntity<Map<String, Object>> introspect(
            @PathVariable String issuer, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", portal.url("/" + issuer));
        body.put("client_id", token.getAttribute("client_id"));
        body.put("scope", String.join(" ", token.<List<String>>getAttribute("scope")));
        body.put("sub", token.getName());
        body.put("company_id", token.getAttribute(SampleApiConfiguration.COMPANY_ATTRIBUTE));
        body.put("expires_at", token.getAttribute("exp").toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** The dummy vendors of the company the token acts for; needs {@code vendors:read}. */
    @GetMapping("/{issuer:sandbox|production}/api/v1/vendors")
    ResponseEntity<Map<String, Object>> vendors(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal token) {
        String company = token.getAttribute(SampleApiConfiguration.COMPANY_ATTRIBUTE);
        List<Map<String, Object>> vendors = company == null
                ? List.of()
                : companies.vendors(UUID.fromString(company)).stream()
                        .map(vendor -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("id", vendor.id().toString());
                            item.put("name", vendor.name());
                            item.put("country", vendor.country());
                            item.put("currency", vendor.currency());
                            return item;
                        })
                        .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_id", company);
        body.put("vendors", vendors);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
