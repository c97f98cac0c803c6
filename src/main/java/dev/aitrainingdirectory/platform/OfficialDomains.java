package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.problem.Problem;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The domains a platform runs on, and whether a URL lies on one of them: a listing copied onto a
 * look-alike domain cannot send contributors there.
 */
public final class OfficialDomains {

    /** The most domains one platform lists. */
    public static final int MAX = 20;

    /**
     * A hostname as DNS writes it, in lower case: labels of letters, digits and inner hyphens, at least
     * two, the last (the top-level domain) starting with a letter so that no IP address passes.
     * Internationalised names are given in their ASCII form ({@code xn--...}).
     */
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private OfficialDomains() {
    }

    /** Why {@code domain} is not a hostname, or null when it is one. */
    public static String problem(String domain) {
        if (domain == null) {
            return "must not be null";
        }
        if (HOSTNAME.matcher(domain).matches()) {
            return null;
        }
        if (domain.contains("/") || domain.contains(":")) {
            return "'" + Problem.abbreviate(domain, 80) + "' is not a hostname: give the domain alone, without scheme, port or path";
        }
        if (domain.contains("*")) {
            return "'" + Problem.abbreviate(domain, 80) + "' is not a hostname: no wildcards, a domain admits its subdomains already";
        }
        if (!domain.equals(domain.toLowerCase(Locale.ROOT))) {
            return "'" + Problem.abbreviate(domain, 80) + "' is not a hostname in lower case";
        }
        return "'" + Problem.abbreviate(domain, 80) + "' is not a hostname such as outlier.ai (an IP address is not one either)";
    }

    /**
     * The host of an https URL, in lower case, without user, port or path; empty when it has none. Read
     * by hand rather than by {@code java.net.URI}, which refuses characters the stored URLs may hold.
     */
    public static String hostOf(String url) {
        String rest = url == null || !url.startsWith("https://") ? "" : url.substring("https://".length());
        int end = 0;
        while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return (port > 0 ? host.substring(0, port) : host).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code host} is one of {@code domains} or a subdomain of one. */
    public static boolean covers(Collection<String> domains, String host) {
        if (host.isEmpty()) {
            return false;
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return domains.stream().anyMatch(domain -> bare.equals(domain) || bare.endsWith("." + domain));
    }
}
