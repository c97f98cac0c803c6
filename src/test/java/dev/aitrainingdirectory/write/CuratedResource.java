package dev.aitrainingdirectory.write;

import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * What {@link CuratedWriteContractTest} needs to know of one curated resource to prove the rules every
 * curated resource shares. {@link CuratedResources} describes each.
 *
 * @param name what the resource is called in a test's name
 * @param collection the collection's path, where POST creates and the rows are listed
 * @param createdByPut whether a row is created by PUT to a new key (without If-Match) instead of by POST
 * @param patchable whether a row takes a JSON merge patch
 * @param fresh a valid body with a key no row has yet
 * @param count how many rows there are where the draft would be stored: a write that stores nothing leaves it
 * @param fields the fields the contract changes
 * @param invalid bodies that are JSON of the right shape but break a rule: 422 naming the field
 * @param unreadable bodies that cannot be read as the resource: 400 naming the field, on top of the
 *     unknown property and the server's {@code version} that no resource takes
 * @param referrers what may use a row, so that it cannot be deleted while it does
 */
record CuratedResource(
        String name,
        String collection,
        boolean createdByPut,
        boolean patchable,
        Function<DirectoryFixture, Draft> fresh,
        ToLongFunction<Draft> count,
        Fields fields,
        List<Rejection> invalid,
        List<Rejection> unreadable,
        List<Referrer> referrers) {

    /** The writes a curator makes; CREATE is a POST, or a PUT to a new key where {@link #createdByPut}. */
    enum Write {
        CREATE, REPLACE, PATCH, DELETE
    }

    /**
     * The body of a row not yet written, its key and the path it will have (null where the server picks
     * the key: a listing's id).
     */
    record Draft(String key, String path, Body body) {

        Draft withBody(Body other) {
            return new Draft(key, path, other);
        }
    }

    /**
     * The fields the contract writes.
     *
     * @param text a writable text field, shown under the same name: what a replace, a patch and a race change
     * @param required a field that cannot be left out: a patch that removes it is a 422
     * @param optional a field of the fresh body that may be left out (null where there is none): a replace
     *     without it and a patch with null remove it
     * @param nested a field inside a nested object and a new value for it: a merge patch changes it alone
     * @param key the field that holds the row's key in a body (null where the body holds none): it cannot change
     * @param derived fields of the representation that follow from others, so change with them
     */
    record Fields(String text, String required, String optional, String nested, Object nestedValue, String key,
            Set<String> derived) {
    }

    /** A change that makes a fresh body unacceptable, and the field the answer names. */
    record Rejection(String what, String field, UnaryOperator<Body> breakIt) {

        @Override
        public String toString() {
            return what + " -> " + field;
        }
    }

    /**
     * Something that uses a row, made by {@code reference} from the row's key; it returns what releases the
     * row again. {@code shows} says whether the row's representation shows the use (so its ETag moves).
     */
    record Referrer(String what, boolean shows, BiFunction<DirectoryFixture, String, Runnable> reference) {

        @Override
        public String toString() {
            return what;
        }
    }

    boolean allows(Write write) {
        return write != Write.PATCH || patchable;
    }

    Draft fresh(DirectoryFixture fixture) {
        return fresh.apply(fixture);
    }

    long count(Draft draft) {
        return count.applyAsLong(draft);
    }

    /** What a second create of a key answers: 409, or 428 where a PUT without If-Match meets a row. */
    int duplicateStatus() {
        return createdByPut ? 428 : 409;
    }

    @Override
    public String toString() {
        return name;
    }
}
