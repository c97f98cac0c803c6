package dev.aitrainingdirectory.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.persistence.SerializedWrite;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.BodyValidator;
import dev.aitrainingdirectory.problem.Constraints;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one write path of every curated resource: create, replace (PUT), merge patch (RFC 7396), create-or-replace
 * and delete, each in one transaction. Updates and deletes need an {@code If-Match} naming the current version
 * (428 without, 412 when stale); a body is validated whole (422 naming every field) before anything is written;
 * a unique key taken or a row still used is a 409 that says which. A {@link Curated} resource states the rest.
 */
@ApplicationScoped
public class CuratedWrites {

    /** What {@link #put} did. */
    public record Put<E>(E entity, boolean created) {
    }

    @Inject
    BodyValidator validator;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    /** Creates an entity from a body that names its key, or whose key the service assigns. */
    @Transactional
    @SerializedWrite
    public <K, E extends TimestampedEntity, B> E create(Curated<K, E, B> resource, B body) {
        resource.beforeWrite();
        requireBody(resource, body);
        K key = resource.keyOf(body);
        return insert(resource, key, body, key != null || resource.keyAssigned() ? null
                : new FieldError(resource.keyName(), "must not be blank"));
    }

    /** Replaces every field of the entity with {@code key} (PUT), if {@code ifMatch} names its current version. */
    @Transactional
    @SerializedWrite
    public <K, E extends TimestampedEntity, B> E replace(Curated<K, E, B> resource, K key, String ifMatch, B body) {
        return update(resource, current(resource, key, ifMatch), body);
    }

    /** Applies a JSON merge patch to the entity as a curator would write it again, then replaces it with the result. */
    @Transactional
    @SerializedWrite
    public <K, E extends TimestampedEntity, B> E patch(Curated<K, E, B> resource, K key, String ifMatch, JsonNode patch) {
        E existing = current(resource, key, ifMatch);
        B base = resource.patchBase(resource.bodyOf(existing), patch);
        return update(resource, existing, MergePatch.applyTo(objectMapper, base, patch, resource.definition().bodyType()));
    }

    /**
     * Creates the entity with the URL's {@code key} (201), then only without {@code If-Match} (412: it names nothing
     * current), or replaces it, then only with a current {@code If-Match}.
     */
    @Transactional
    @SerializedWrite
    public <K, E extends TimestampedEntity, B> Put<E> put(Curated<K, E, B> resource, K key, String ifMatch, B body) {
        resource.beforeWrite();
        E existing = resource.find(key).orElse(null);
        if (existing != null) {
            EntityTags.requireCurrent(ifMatch, existing.version);
            return new Put<>(update(resource, existing, body), false);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            // RFC 9110, 13.1.1: If-Match names a current representation, and there is none to name.
            throw new ProblemException(412, "No " + resource.noun() + " has the " + resource.keyName() + " '" + key
                    + "' (any more): If-Match names nothing current. Leave If-Match out to create it.");
        }
        requireBody(resource, body);
        K named = resource.keyOf(body);
        FieldError otherKey = named == null || named.equals(key) ? null : new FieldError(resource.keyName(),
                "must be the URL's " + resource.keyName() + " '" + key + "' or left out");
        return new Put<>(insert(resource, key, body, otherKey), true);
    }

    /** Deletes the entity with {@code key} if {@code ifMatch} names its current version and nothing uses it (409). */
    @Transactional
    @SerializedWrite
    public <K, E extends TimestampedEntity, B> void delete(Curated<K, E, B> resource, K key, String ifMatch) {
        E existing = current(resource, key, ifMatch);
        List<String> uses = new ArrayList<>();
        for (Curated.Reference reference : resource.definition().references()) {
            long count = ((Number) entityManager.createNativeQuery(reference.countSql())
                    .setParameter("key", key).getSingleResult()).longValue();
            if (count > 0) {
                uses.add(count + " " + (count == 1 ? reference.one() : reference.many()));
            }
        }
        if (!uses.isEmpty()) {
            throw ProblemException.conflict(described(resource, key) + " is still used by " + String.join(" and ", uses)
                    + "; change or delete those first.");
        }
        existing.delete();
        String stillUsed = described(resource, key) + " is still used by " + referringRows(resource)
                + " written at the same time; change or delete those first.";
        flush(() -> stillUsed, () -> stillUsed);
        resource.deleted(existing);
    }

    /** The entity with {@code key} (404 without) if {@code ifMatch} names its current version (428 without, 412 else). */
    private static <K, E extends TimestampedEntity, B> E current(Curated<K, E, B> resource, K key, String ifMatch) {
        resource.beforeWrite();
        E existing = resource.load(key);
        EntityTags.requireCurrent(ifMatch, existing.version);
        return existing;
    }

    private <K, E extends TimestampedEntity, B> E insert(Curated<K, E, B> resource, K key, B body, FieldError keyError) {
        List<FieldError> errors = new ArrayList<>();
        if (keyError != null) {
            errors.add(keyError);
        }
        Consumer<E> write = checked(resource, key, body, null, errors);
        if (resource.keyTaken(key, body, null)) {
            throw ProblemException.conflict(article(resource.noun()) + " with " + resource.uniqueKey(key, body) + " already exists.");
        }
        E entity = resource.definition().newEntity().get();
        write.accept(entity);
        entity.persist();
        flushWrite(resource, key, body);
        resource.written(entity);
        return entity;
    }

    private <K, E extends TimestampedEntity, B> E update(Curated<K, E, B> resource, E existing, B body) {
        requireBody(resource, body);
        K key = resource.keyOf(existing);
        List<FieldError> errors = new ArrayList<>();
        K named = resource.keyOf(body);
        if (named != null && !named.equals(key)) {
            errors.add(new FieldError(resource.keyName(), "cannot change; it is '" + key + "'"));
        }
        Consumer<E> write = checked(resource, key, body, existing, errors);
        if (resource.keyTaken(key, body, existing)) {
            throw ProblemException.conflict("Another " + resource.noun() + " has " + resource.uniqueKey(key, body) + " already.");
        }
        if (resource.unchanged(existing, body)) {
            return existing;
        }
        write.accept(existing);
        flushWrite(resource, key, body);
        resource.written(existing);
        return existing;
    }

    private <K, E extends TimestampedEntity, B> Consumer<E> checked(Curated<K, E, B> resource, K key, B body, E existing,
            List<FieldError> errors) {
        errors.addAll(validator.problems(body, ""));
        Consumer<E> write = resource.check(key, body, existing, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        return write;
    }

    private <K, E extends TimestampedEntity, B> void flushWrite(Curated<K, E, B> resource, K key, B body) {
        flush(() -> "Another request wrote " + article(resource.noun()).toLowerCase() + " with "
                        + resource.uniqueKey(key, body) + " at the same time; read it and retry.",
                () -> "What this " + resource.noun() + " refers to (" + resource.refersTo()
                        + ") was deleted by another request at the same time; read it again and retry.");
    }

    /**
     * Writes pending changes now, so that a concurrent update of the same version (412), a unique key taken by a
     * concurrent write or a row it refers to deleted meanwhile (409) fails here, inside the transaction, rather
     * than at commit; and says which constraint failed in the resource's own words.
     */
    private void flush(Supplier<String> keyTaken, Supplier<String> referenceBroken) {
        try {
            entityManager.flush();
        } catch (PersistenceException failed) {
            switch (Constraints.kindOf(failed)) {
                case UNIQUE -> throw ProblemException.conflict(keyTaken.get());
                case FOREIGN_KEY -> throw ProblemException.conflict(referenceBroken.get());
                default -> throw failed;
            }
        }
    }

    private static String described(Curated<?, ?, ?> resource, Object key) {
        return "The " + resource.noun() + " '" + key + "'";
    }

    private static String referringRows(Curated<?, ?, ?> resource) {
        return resource.definition().references().stream().map(Curated.Reference::many).collect(Collectors.joining(" or "));
    }

    private static void requireBody(Curated<?, ?, ?> resource, Object body) {
        if (body == null) {
            throw ProblemException.unprocessable(List.of(new FieldError("body", "must be " + article(resource.noun()).toLowerCase())));
        }
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ") + noun;
    }
}
