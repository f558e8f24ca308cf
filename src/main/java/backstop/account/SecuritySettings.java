package backstop.account;

import backstop.error.BadInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's security choices. {@code twoFactorRequired}: the roles that must sign in with a TOTP code (set with
 * {@code --two-factor-required} or {@code BACKSTOP_TWO_FACTOR_REQUIRED}, e.g. {@code admin,clinician}).
 */
public record SecuritySettings(Set<Role> twoFactorRequired) {
    public SecuritySettings {
        Objects.requireNonNull(twoFactorRequired, "twoFactorRequired");
        twoFactorRequired = Set.copyOf(twoFactorRequired);
    }

    public static SecuritySettings defaults() {
        return new SecuritySettings(Set.of());
    }

    /** Parses a comma-separated list of roles that may need two-factor: {@code clinician}, {@code admin}, or none. */
    public static SecuritySettings parse(String field, String twoFactorRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String text = twoFactorRoles == null ? "" : twoFactorRoles.strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !text.equals("none")) {
            for (String part : text.split(",")) {
                Role role = Role.fromCode(field, part.strip());
                if (role == Role.PERSON) {
                    throw new BadInputException(field, "two-factor can be required for clinician and admin");
                }
                roles.add(role);
            }
        }
        return new SecuritySettings(roles);
    }

    public boolean requiresTwoFactor(Role role) {
        return twoFactorRequired.contains(role);
    }
}
