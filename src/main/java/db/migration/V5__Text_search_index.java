package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * On PostgreSQL, a trigram index over the listings' and platforms' search text, so {@code q} (each word
 * a substring: {@code like '%word%'}) finds its rows through the index instead of reading every row.
 * It needs the {@code pg_trgm} extension, shipped with PostgreSQL and trusted (any user allowed to
 * create objects in the database may add it). Where it cannot be added, the migration logs why and
 * leaves text search as it was: correct, only slower. H2 has no such index; nothing changes there.
 */
public class V5__Text_search_index extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V5__Text_search_index.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        Savepoint beforeExtension = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_trgm");
        } catch (SQLException e) {
            connection.rollback(beforeExtension);
            LOG.warnf("Text search keeps reading every listing: the pg_trgm extension could not be added (%s)", e.getMessage());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create index task_listing_by_text on task_listing using gin (search_text gin_trgm_ops)");
            statement.execute("create index platform_by_text on platform using gin (search_text gin_trgm_ops)");
        }
    }
}
