package org.devportal.operations;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the main port: the readiness group's status and nothing else, for a load balancer
 * that checks the port it sends traffic to. 200 when ready, 503 otherwise. The details, and every other actuator
 * endpoint, are on the management port only. (Spring Boot's additional health paths take a single segment, so
 * this path needs a controller of its own.)
 */
@RestController
class MainPortHealth {

    static final String PATH = "/actuator/health";

    private final HealthEndpoint health;

    MainPortHealth(HealthEndpoint health) {
        this.health = health;
    }

    /** JSON whatever the request accepts: a load balancer's check may send any Accept header, or none. */
    @GetMapping(PATH)
    ResponseEntity<String> health() {
        HealthDescriptor readiness = health.healthForPath("readiness");
        Status status = readiness == null ? Status.UNKNOWN : readiness.getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? 200 : 503)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":\"" + status.getCode() + "\"}");
    }
}
