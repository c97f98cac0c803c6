package dev.aitrainingdirectory.curation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a curated resource states about itself: how it is found, what its body must hold, how a body is
 * written into it, and what refuses its deletion. {@link CuratedWrites} does the rest the same way for every
 * resource: conditional requests, merge patch, validation order, conflicts, flushing and the answer's entity.
 *
 * @param <K> the key in the resource's URL (a slug, an id, a currency code)
 * @param <E> the stored entity
 * @param <B> the body curators write
 */
public abstract class Curated<K, E extends TimestampedEntity, B> {

    private final Definition<K, E, B> definition;

    protected Curated(Definition<K, E, B> definition) {
        this.definition = definition;
    }

    /** What the resource is: its names, its body's type, how its entities are found, keyed and made, what uses them. */
    public Definition<K, E, B> definition() {
        return definition;
    }

    public String noun() {
        return definition().noun();
    }

    public String keyName() {
        return definition().keyName();
    }

    public Optional<E> find(K key) {
        return definition().find().apply(key);
    }

    public K keyOf(E entity) {
        return definition().entityKey().apply(entity);
    }

    /** The key a body names; null where it names none (a key the service assigns, or one left out). */
    public K keyOf(B body) {
        return definition().bodyKey().apply(body);
    }

    /** The entity as a curator would write it again: what a merge patch applies to. */
    public B bodyOf(E entity) {
        return definition().bodyOf().apply(entity);
    }

    /** Whether the service assigns the key (an id) rather than the curator in the body (a slug). */
    public boolean keyAssigned() {
        return false;
    }

    /**
     * Checks what the body's annotations cannot (references, ranges, cross-field rules), adding each problem
     * to {@code errors}, and returns how to write the body, and on creation the {@code key}, into an entity.
     * {@code existing} is null on creation.
     */
    public abstract Consumer<E> check(K key, B body, E existing, List<FieldError> errors);

    /** The unique key a body would take, as a message names it: {@code the slug 'coding'}. */
    public String uniqueKey(K key, B body) {
        return "the " + keyName() + " '" + key + "'";
    }

    /** Whether another row than {@code existing} holds the unique key of {@code body} already. */
    public boolean keyTaken(K key, B body, E existing) {
        return existing == null && key != null && find(key).isPresent();
    }

    /** What the resource refers to, for a message when one of those rows was deleted meanwhile. */
    public String refersTo() {
        return "a row it names";
    }

    /** The base of a merge patch, where a resource reads a patch more kindly than RFC 7396 alone would. */
    public B patchBase(B base, JsonNode patch) {
        return base;
    }

    /** Whether writing {@code body} would leave {@code existing} as it is, so that nothing is written. */
    public boolean unchanged(E existing, B body) {
        return false;
    }

    /** Runs first in every write, before anything is read: where a resource takes the lock its writes need. */
    public void beforeWrite() {
    }

    /** Runs after an entity was written and flushed (created or changed). */
    public void written(E entity) {
    }

    /** Runs after the entity with {@code key} was deleted and the deletion flushed. */
    public void deleted(E entity) {
    }

    /** The entity with {@code key}, or 404. */
    public E load(K key) {
        return find(key).orElseThrow(() -> ProblemException.notFound("No " + noun() + " has the " + keyName() + " '" + key + "'."));
    }

    /**
     * What a curated resource is.
     *
     * @param noun      its name in messages, in lower case: {@code "pay tier"}
     * @param keyName   the name of its key in messages and, where a curator chooses it, in the body: {@code "slug"}
     * @param bodyType  the body curators write
     * @param find      the entity with a key, if any
     * @param entityKey an entity's key
     * @param bodyKey   the key a body names; null where it names none (a key the service assigns, or one left out)
     * @param bodyOf    the entity as a curator would write it again: what a merge patch applies to
     * @param newEntity a new, empty entity, which {@link #check} writes the key and body into
     * @param references what keeps a row from being deleted while it is used; empty when nothing refers to it
     */
    public record Definition<K, E, B>(String noun, String keyName, Class<B> bodyType, Function<K, Optional<E>> find,
            Function<E, K> entityKey, Function<B, K> bodyKey, Function<E, B> bodyOf, Supplier<E> newEntity,
            List<Reference> references) {
    }

    /**
     * A kind of row that refers to the resource and so keeps it from being deleted, counted by table (rows
     * of other packages build on this one, not this one on them).
     *
     * @param one      the referring row's name in messages, for one of them: {@code "listing"}
     * @param many     the same for several: {@code "listings"}
     * @param countSql a query counting the referring rows of the row whose key is the parameter {@code :key}
     */
    public record Reference(String one, String many, String countSql) {
    }
}
