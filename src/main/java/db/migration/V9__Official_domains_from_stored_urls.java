package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every stored platform official domains, which a listing's {@code applyUrl} must lie on from now
 * on: the host of its website and each host its stored listings apply at, so that no listing accepted
 * before becomes invalid. Curators narrow them afterwards; a listing outside them then names itself (409).
 */
public class V9__Official_domains_from_stored_urls extends org.flywaydb.core.api.migration.BaseJavaMigration {

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<Long, Set<String>> domains = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select id, website_url from platform")) {
                while (rows.next()) {
                    add(domains, rows.getLong(1), rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("select platform_id, apply_url from task_listing")) {
                while (rows.next()) {
                    add(domains, rows.getLong(1), rows.getString(2));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into platform_official_domain (platform_id, domain) values (?, ?)")) {
            for (Map.Entry<Long, Set<String>> platform : domains.entrySet()) {
                for (String domain : platform.getValue()) {
                    insert.setLong(1, platform.getKey());
                    insert.setString(2, domain);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void add(Map<Long, Set<String>> domains, long platform, String url) {
        String host = hostOf(url);
        if (!host.isEmpty() && host.length() <= 253) {
            domains.computeIfAbsent(platform, id -> new TreeSet<>()).add(host);
        }
    }

    /** The host of an https URL as stored (checked only for its scheme), without user, port or path; lower case. */
    private static String hostOf(String url) {
        String rest = url == null || !url.startsWith("https://") ? "" : url.substring("https://".length());
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return (port > 0 ? host.substring(0, port) : host).toLowerCase(Locale.ROOT);
    }
}
