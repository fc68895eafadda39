package org.devportal.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.devportal.base.Environment;
import org.devportal.clients.redirecturi.RedirectUriEvaluation;
import org.devportal.clients.redirecturi.RedirectUriPolicy;
import org.devportal.clients.redirecturi.RedirectUriViolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long it takes to validate a client's full list of redirect URIs, the most a form or the review can submit at
 * once. The list is valid in both environments, so every rule runs on every URI: the worst case for a valid client.
 * In the sandbox the same pass also yields the production warnings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedirectUriBenchmark {

    /** Ten URIs of the kinds integrations register: plain callbacks, ports, queries, deep paths and an A-label host. */
    private static final List<String> TEN_VALID_URIS = List.of(
            "https://app.example.com/oauth/callback",
            "https://app.example.com/oauth/callback?tenant=eu-west-1",
            "https://staging.app.example.com:8443/oauth/callback",
            "https://accounting.example.co.uk/integrations/expenses/oauth2/redirect",
            "https://xn--bcher-kva.com/auth/return?source=portal&v=2",
            "https://erp.example.net/api/v1/connectors/finance/callback",
            "https://a-very-long-subdomain-name.customer.example.org/cb",
            "https://sync.example.io/cb?next=%2Fsettings%2Fmappings",
            "https://example.com/",
            "https://partner.example.com/connect/complete;session=ab12");

    private RedirectUriPolicy policy;

    @Setup
    public void setUp() {
        policy = new RedirectUriPolicy(List.of("pleo.io"));
        for (Environment environment : Environment.values()) {
            Optional<RedirectUriViolation> violation =
                    policy.evaluate(TEN_VALID_URIS, environment).firstError();
            if (violation.isPresent()) {
                throw new IllegalStateException("The benchmark list must be valid in " + environment + ": "
                        + violation.get().message());
            }
        }
    }

    @Benchmark
    public RedirectUriEvaluation tenUrisInTheSandbox() {
        return policy.evaluate(TEN_VALID_URIS, Environment.SANDBOX);
    }

    @Benchmark
    public RedirectUriEvaluation tenUrisInProduction() {
        return policy.evaluate(TEN_VALID_URIS, Environment.PRODUCTION);
    }
}
