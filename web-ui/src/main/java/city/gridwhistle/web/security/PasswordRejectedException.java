package city.gridwhistle.web.security;

/** A new password that breaks a rule of the {@link PasswordPolicy}: answered 400 naming the field and the rule. */
public class PasswordRejectedException extends RuntimeException {

    private final String field;
    private final String rule;

    PasswordRejectedException(String field, String rule, String reason) {
        super(reason);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The rule broken: {@code too-short}, {@code too-long}, {@code username}, {@code common}, {@code demo}, {@code unchanged}. */
    public String rule() {
        return rule;
    }
}
