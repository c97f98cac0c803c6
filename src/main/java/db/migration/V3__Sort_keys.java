package db.migration;

import dev.aitrainingdirectory.persistence.SortKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the binary sort keys of listing titles and platform names ({@link SortKey}) and computes them
 * for the rows already stored. A Java migration because the key is computed in Java: the databases'
 * own {@code lower()} folds case differently. The SQL is the dialect H2 and PostgreSQL share.
 */
public class V3__Sort_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        execute(connection, "alter table task_listing add column title_sort_key bytea");
        execute(connection, "alter table platform add column name_sort_key bytea");
        fill(connection, "task_listing", "title", "title_sort_key");
        fill(connection, "platform", "name", "name_sort_key");
        execute(connection, "alter table task_listing alter column title_sort_key set not null");
        execute(connection, "alter table platform alter column name_sort_key set not null");
        // sort=title over the listings, like the other sorts' indexes; and the platforms' default sort.
        execute(connection, "create index task_listing_by_title on task_listing (title_sort_key, id)");
        execute(connection, "create index platform_by_name on platform (name_sort_key)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void fill(Connection connection, String table, String textColumn, String keyColumn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, " + textColumn + " from " + table);
                PreparedStatement update = connection.prepareStatement("update " + table + " set " + keyColumn + " = ? where id = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setBytes(1, SortKey.of(rows.getString(2)));
                update.setLong(2, rows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
