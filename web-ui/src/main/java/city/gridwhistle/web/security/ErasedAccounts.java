package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.idempotency.IdempotencyKeys;
import org.springframework.stereotype.Component;

/**
 * Ends the account of a person whose personal data is erased (decision 0046): every bearer token of it is gone
 * (401 at the next call), its idempotency keys and the answers kept for them too, and the account keeps nothing of
 * the person, disabled under a placeholder name. A web session signed in as it stops at its next request
 * ({@link SessionAccountCheck}). Partners' API keys belong to no person's account, so there is none to revoke.
 */
@Component
public class ErasedAccounts {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final IdempotencyKeys idempotencyKeys;

    ErasedAccounts(Accounts accounts, AccessTokens tokens, IdempotencyKeys idempotencyKeys) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Ends the account acting as this role and subject, if there is one; ending it again changes nothing. */
    public void end(Role role, String subjectId) {
        for (String username : accounts.usernamesOf(role, subjectId)) {
            tokens.endAllOf(username);
            idempotencyKeys.forgetCaller(username);
            accounts.erase(username, subjectId);
        }
    }
}
