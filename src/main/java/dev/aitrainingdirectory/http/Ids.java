package dev.aitrainingdirectory.http;

import dev.aitrainingdirectory.problem.ProblemException;

/** The numeric ids in URLs: anything else names nothing (404), like an id that was never given. */
public final class Ids {

    private Ids() {
    }

    /** The id in a path segment, or 404 saying that no {@code noun} has it. */
    public static long parse(String id, String noun) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw ProblemException.notFound("No " + noun + " has the id '" + id + "'.");
    }
}
