package dev.aitrainingdirectory.paging;

/** Which page of a collection a client asked for; {@link #offset()} is where it starts. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost the database more the deeper they are; past this many results, none are served. */
    public static final int MAX_DEPTH = 10_000;

    public long offset() {
        return (long) page * size;
    }
}
