package dev.aitrainingdirectory.support;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an integration test needs to know of the PostgreSQL build (./mvnw verify -Ppostgresql):
 * whether the packaged jar is that build, and where its database is. The Maven profile sets
 * these system properties for failsafe.
 */
public final class PostgresqlBuild {

    private PostgresqlBuild() {
    }

    /** Whether the jar under test is built for PostgreSQL rather than the embedded H2. */
    public static boolean active() {
        return "postgresql".equals(System.getProperty("test.database"));
    }

    /** Skips the calling test unless the jar under test is built for PostgreSQL. */
    public static void require() {
        assumeTrue(active(), "runs in the PostgreSQL build only (./mvnw verify -Ppostgresql)");
    }

    /**
     * Skips the calling test in the PostgreSQL build: for a test of what the database has no part in (the
     * proxy in front, rate limits in Redis), which the H2 build has run on the same code already.
     */
    public static void skipHere() {
        assumeFalse(active(), "does not depend on the database: runs in the H2 build (./mvnw verify) only");
    }

    public static String host() {
        return System.getProperty("test.postgresql.host", "127.0.0.1");
    }

    public static int port() {
        return Integer.getInteger("test.postgresql.port", 5432);
    }

    public static String database() {
        return System.getProperty("test.postgresql.database", "directory_test");
    }

    public static String username() {
        return System.getProperty("test.postgresql.username", "postgres");
    }

    /** System properties that point a packaged service at the database through {@code port}. */
    public static String[] datasource(int port) {
        return new String[] {"quarkus.datasource.jdbc.url=jdbc:postgresql://" + host() + ":" + port + "/" + database(),
                "quarkus.datasource.username=" + username(), "quarkus.datasource.password=" + System.getProperty(
                        "test.postgresql.password", "")};
    }
}
