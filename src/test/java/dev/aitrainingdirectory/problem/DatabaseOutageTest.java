package dev.aitrainingdirectory.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as the database being away (503) rather than a bug (500). */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAndTimeoutsAreOutagesWhereverTheyAreWrapped() {
        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
    }
}
