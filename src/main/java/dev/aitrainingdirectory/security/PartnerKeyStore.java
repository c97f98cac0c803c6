package dev.aitrainingdirectory.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The keys of partner accounts, looked up by digest in the database at every request that carries one: a
 * key revoked on one instance is refused by all of them at their next request. A key's last use is written
 * at most once per {@link #LAST_USE_PRECISION}, so reads do not turn into a write each.
 */
@ApplicationScoped
public class PartnerKeyStore {

    /** How exact a key's {@code lastUsedAt} is: a busy key's row is written once per this, not per request. */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(5);

    private static final int TIMEOUT_SECONDS = 10;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ApiKeys apiKeys;

    /** The partner account that holds the key with this digest (hex), if any; blocking. */
    public Optional<Long> partnerOf(String digest) {
        try (Connection connection = dataSource.getConnection()) {
            long keyId;
            long partnerId;
            Timestamp lastUsed;
            try (PreparedStatement find = connection.prepareStatement(
                    "select id, partner_id, last_used_at from partner_key where digest = ?")) {
                find.setQueryTimeout(TIMEOUT_SECONDS);
                find.setString(1, digest);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        apiKeys.forgetPartnerKey(digest);
                        return Optional.empty();
                    }
                    keyId = row.getLong(1);
                    partnerId = row.getLong(2);
                    lastUsed = row.getTimestamp(3);
                }
            }
            apiKeys.rememberPartnerKey(digest);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USE_PRECISION))) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "update partner_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")) {
                    touch.setQueryTimeout(TIMEOUT_SECONDS);
                    touch.setTimestamp(1, Timestamp.from(now));
                    touch.setLong(2, keyId);
                    touch.setTimestamp(3, Timestamp.from(now.minus(LAST_USE_PRECISION)));
                    touch.executeUpdate();
                }
            }
            return Optional.of(partnerId);
        } catch (SQLException failed) {
            throw new IllegalStateException("The partner keys cannot be read", failed);
        }
    }
}
