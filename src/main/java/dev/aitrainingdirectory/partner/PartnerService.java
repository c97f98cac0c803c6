package dev.aitrainingdirectory.partner;

import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.persistence.SerializedWrite;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;

/**
 * Partner accounts and their keys. An account is written like every curated resource; a key is issued with 256
 * random bits, shown once and kept as its digest, and revoked by deleting that digest, which every instance's
 * next lookup no longer finds.
 */
@ApplicationScoped
public class PartnerService extends Curated<Long, Partner, PartnerRequest> {

    /** Keys and webhooks go with their account: the database deletes them with it. */
    private static final Definition<Long, Partner, PartnerRequest> DEFINITION = new Definition<>("partner", "id",
            PartnerRequest.class, id -> Partner.findByIdOptional(id), partner -> partner.id, request -> null, PartnerRequest::of,
            Partner::new, List.of());

    /** How many characters of a key its hint shows: the prefix and four random ones. */
    private static final int HINT_LENGTH = ApiKeys.PARTNER_KEY_PREFIX.length() + 4;

    @Inject
    ApiKeys apiKeys;

    public PartnerService() {
        super(DEFINITION);
    }

    @Override
    public boolean keyAssigned() {
        return true;
    }

    @Override
    public Consumer<Partner> check(Long id, PartnerRequest request, Partner existing, List<FieldError> errors) {
        return partner -> {
            partner.name = request.name().strip();
            partner.contactEmail = request.contactEmail().strip();
        };
    }

    @Override
    public void deleted(Partner partner) {
        partner.keys.forEach(key -> apiKeys.forgetPartnerKey(key.digest));
    }

    /**
     * The partner, read again under a lock: two requests issuing or revoking keys of one account at once run one after
     * the other, so that neither holds a third key nor fails at its commit.
     */
    private Partner locked(long partnerId) {
        Partner partner = load(partnerId);
        Partner.getEntityManager().refresh(partner, LockModeType.PESSIMISTIC_WRITE);
        return partner;
    }

    /** Issues a new key to the partner (409 when it holds two already); the answer is the only place it appears. */
    @Transactional
    @SerializedWrite
    public IssuedPartnerKey issueKey(long partnerId) {
        Partner partner = locked(partnerId);
        if (partner.keys.size() >= Partner.MAX_KEYS) {
            throw ProblemException.conflict("The partner " + partnerId + " holds " + Partner.MAX_KEYS
                    + " keys already; revoke one of them first.");
        }
        String secret = ApiKeys.newPartnerKey();
        PartnerKey key = new PartnerKey();
        key.partner = partner;
        key.digest = ApiKeys.hexDigest(secret);
        key.hint = secret.substring(0, HINT_LENGTH);
        key.createdAt = TimestampedEntity.now();
        key.persist();
        partner.keys.add(key);
        partner.updatedAt = key.createdAt;
        return new IssuedPartnerKey(key.id, secret, key.hint, key.createdAt);
    }

    /** Revokes one of the partner's keys: refused from the next request on, on every instance. */
    @Transactional
    @SerializedWrite
    public void revokeKey(long partnerId, long keyId) {
        Partner partner = locked(partnerId);
        PartnerKey key = partner.keys.stream().filter(candidate -> candidate.id == keyId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The partner " + partnerId + " has no key with the id " + keyId + "."));
        partner.keys.remove(key);
        key.delete();
        partner.updatedAt = TimestampedEntity.now();
        apiKeys.forgetPartnerKey(key.digest);
    }
}
