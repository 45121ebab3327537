package city.gridwhistle.command.rider;

import city.gridwhistle.infra.privacy.PersonKeys;
import city.gridwhistle.infra.privacy.PersonalDataCipher;
import city.gridwhistle.infra.privacy.SealedTexts;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;

/** Person keys kept in memory, for aggregate tests without a database: created at the first need, destroyable. */
final class KeysInMemory extends PersonKeys {

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final Set<String> destroyed = new HashSet<>();

    KeysInMemory() {
        super(null, null);
    }

    static SealedTexts texts() {
        return new SealedTexts(new KeysInMemory());
    }

    @Override
    public SecretKey keyFor(String subjectId) {
        if (destroyed.contains(subjectId)) {
            throw new IllegalStateException("the key of " + subjectId + " was destroyed");
        }
        return keys.computeIfAbsent(subjectId, id -> PersonalDataCipher.newKey());
    }

    @Override
    public Optional<SecretKey> find(String subjectId) {
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public Set<String> destroyedAmong(Collection<String> subjectIds) {
        return subjectIds.stream().filter(destroyed::contains).collect(Collectors.toSet());
    }

    @Override
    public void destroy(String subjectId) {
        keys.remove(subjectId);
        destroyed.add(subjectId);
    }
}
