/**
 * Redirect URIs: which ones a client may register, and how the authorization server matches them. Everything about
 * the topic is here; the rest of the portal only carries {@link org.devportal.clients.redirecturi.RedirectUri}
 * values and asks this package questions.
 *
 * <h2>The registration rules</h2>
 * A redirect URI is registered exactly as entered: never trimmed, decoded or normalised, because it is matched byte
 * for byte later. A URI that would need normalising is refused with a message that says how to write it. The rules
 * are checked in this order, and the first one that fails is the error shown, with its number:
 * <ol>
 *   <li>At most 2048 characters; a client has 1 to {@value org.devportal.clients.redirecturi.RedirectUriPolicy#MAX_URIS}
 *       URIs, without exact duplicates.</li>
 *   <li>Only RFC 3986 characters: no whitespace, no {@code \ { } | ^ ` < > "}, no {@code *} (there are no
 *       wildcards), no percent-encoded control characters.</li>
 *   <li>An absolute, hierarchical URI with the scheme https, or http under rule 7.</li>
 *   <li>An authority with a host, without user-info; a port, if any, is 1–65535 in plain decimal and not the
 *       scheme's default.</li>
 *   <li>Canonical form: lower-case scheme and host, no trailing dot, A-labels ({@code xn--…}) for
 *       internationalised names, and no IP spelling but plain dotted IPv4 and {@code [::1]}.</li>
 *   <li>No fragment, no dot-segments in the path, and none of the parameters the authorization server adds
 *       ({@code code}, {@code state}, {@code error}, {@code error_description}, {@code error_uri}, {@code iss}).</li>
 *   <li>http only for the loopback hosts {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, and only in the
 *       sandbox; production takes https alone.</li>
 *   <li>Production only: a host that can be publicly reachable, judged from its spelling without DNS: a name with
 *       a dot, not an IP address, not a special-use name such as {@code localhost}, {@code .local} or
 *       {@code .internal}.</li>
 *   <li>Not the platform's own domain or a sub-domain of it ({@code portal.platform-domains}).</li>
 * </ol>
 * {@link org.devportal.clients.redirecturi.RedirectUriRules} numbers the rules and composes each from the small
 * checks in {@link org.devportal.clients.redirecturi.UriChecks}, which read a URI through
 * {@link org.devportal.clients.redirecturi.UriParts}, a split that never fails and never repairs. Host questions
 * (loopback, IP literal, special use, spelling) are answered by {@link org.devportal.clients.redirecturi.Hosts}, the
 * only place that lists the loopback hosts.
 *
 * <h2>Sandbox and production</h2>
 * A client works in the {@link org.devportal.base.Environment#SANDBOX sandbox} from the moment it
 * is registered, and in {@link org.devportal.base.Environment#PRODUCTION production} once a reviewer
 * has approved it. The sandbox runs rules 1–7 and 9, so a developer can use loopback and private hosts while
 * building; production runs all nine. Clients are edited under the sandbox rules; production's are checked when a
 * client is submitted for review, and the review shows them again.
 *
 * <p>{@link org.devportal.clients.redirecturi.RedirectUriPolicy#evaluate(java.util.List, org.devportal.base.Environment)} is the one
 * call for a client's list. It returns a {@link org.devportal.clients.redirecturi.RedirectUriEvaluation}: the list's
 * own problem (rule 1), and for each URI a {@link org.devportal.clients.redirecturi.RedirectUriVerdict} with either
 * its {@link org.devportal.clients.redirecturi.RedirectUriViolation} or the accepted
 * {@link org.devportal.clients.redirecturi.RedirectUri} and, in the sandbox, the production verdict: the rules it
 * would break in production, as warnings. Each URI is split and checked once.
 *
 * <h2>Values</h2>
 * Text becomes a {@link org.devportal.clients.redirecturi.RedirectUri} at the boundary, in the client service, and
 * from then on the value travels as it is: through the client entity (stored by
 * {@link org.devportal.clients.redirecturi.RedirectUriAttributeConverter}), the reviewed and approved snapshots, the
 * review and the authorization server. A stored value loads without being checked again, so that a client still
 * loads after a rule has tightened. A {@code RedirectUri} answers {@code host()}, {@code isHttps()} and
 * {@code isLoopback()} from the split it was checked with, so nobody parses it again.
 *
 * <h2>Matching at authorization time</h2>
 * {@link org.devportal.clients.redirecturi.RedirectUriMatch} compares the {@code redirect_uri} of an authorization
 * request with the client's registered URIs byte for byte. The one exception is RFC 8252's for native apps: a
 * registered http URI on {@code 127.0.0.1} or {@code [::1]} matches any port, if everything else is identical;
 * {@code localhost} gets no such exception. The requested port is read with the registration rules' own grammar, so
 * a spelling that registration refuses, such as {@code :08080}, never matches.
 *
 * <h2>Web addresses</h2>
 * The client's other addresses (client URI, terms, privacy policy, initiation and settings page) are
 * {@link org.devportal.clients.redirecturi.WebUri} values. They share the character, host and port checks, and skip
 * the rules that exist only because redirect URIs are matched byte for byte and receive the authorization response.
 */
@org.springframework.modulith.NamedInterface("redirecturi")
package org.devportal.clients.redirecturi;
