package dev.aitrainingdirectory.persistence;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Settings of every new PostgreSQL connection of the pool. JIT compilation is off: PostgreSQL starts
 * it for any plan whose estimated cost passes {@code jit_above_cost}, which the search's count and
 * facet queries do at 100k listings, and compiling then took longer (40 to 250 ms) than running the
 * query; a directory's queries are short and many, the case PostgreSQL's documentation names as
 * better served without it. H2 connections are left as they are.
 */
@ApplicationScoped
public class PostgresqlSessions implements AgroalPoolInterceptor {

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set jit = off");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up a new database connection", e);
        }
    }
}
