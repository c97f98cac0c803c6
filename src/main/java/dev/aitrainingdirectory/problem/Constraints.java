package dev.aitrainingdirectory.problem;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Which kind of database constraint a failed write broke, on H2 and on PostgreSQL alike. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * The kind of constraint behind {@code failure}, from Hibernate's reading of the error or else from the
     * SQLSTATE (SQL standard class 23: 23505 unique, 23503 foreign key); {@link ConstraintKind#OTHER} when
     * no constraint was broken.
     */
    public static ConstraintKind kindOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() != ConstraintKind.OTHER) {
                return violation.getKind();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505":
                        return ConstraintKind.UNIQUE;
                    case "23503", "23506":
                        return ConstraintKind.FOREIGN_KEY;
                    default:
                        break;
                }
            }
        }
        return ConstraintKind.OTHER;
    }
}
