package org.devportal.clients;

import com.ibm.icu.text.SpoofChecker;
import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The branding rule of docs/client-rules.md: a client's name and hosts must not carry the platform's name. Text is
 * compared by its confusable skeleton (Unicode Technical Standard #39, as ICU computes it), so that look-alike
 * spellings such as a Cyrillic {@code е} for a Latin {@code e}, a capital {@code I} for an {@code l} or {@code rn}
 * for {@code m} count as the name itself. Letter case is ignored as well: the skeleton of the text in its own case
 * and in lower case is compared with the skeletons of the platform's name in every case, all in lower case.
 */
public final class Branding {

    /** Immutable once built, and safe to share between threads. */
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

    private final String platformName;
    private final Set<String> platformSkeletons;

    public Branding(String platformName) {
        this.platformName = platformName;
        this.platformSkeletons = skeletons(platformName, platformName.toUpperCase(Locale.ROOT));
    }

    /** The platform's name, as configured. */
    public String platformName() {
        return platformName;
    }

    /** Whether the text contains the platform's name or something that reads the same. */
    public boolean appearsIn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return skeletons(text).stream()
                .anyMatch(skeleton -> platformSkeletons.stream().anyMatch(skeleton::contains));
    }

    /**
     * Whether a host, as registered (internationalised labels as A-labels), contains the platform's name once its
     * labels are read as users see them.
     */
    public boolean appearsInHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String unicode;
        try {
            unicode = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            unicode = host;
        }
        return appearsIn(host) || appearsIn(unicode);
    }

    /**
     * The skeletons of the texts, each as written and in lower case, and each skeleton in lower case again: a
     * skeleton keeps letter case ({@code I} becomes {@code l}, {@code 0} becomes {@code O}), so only both orders
     * catch both a capital I for an l and a zero for an o.
     */
    private static Set<String> skeletons(String... texts) {
        return Stream.of(texts)
                .flatMap(text -> Stream.of(text, text.toLowerCase(Locale.ROOT)))
                .map(text -> SPOOF_CHECKER.getSkeleton(text).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
