package backstop.account;

import backstop.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an account may do. A person owns their health data; a clinician sees it only when linked; an admin runs the server. */
public enum Role {
    PERSON,
    CLINICIAN,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String field, String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new BadInputException(
                field,
                "must be one of " + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
    }
}
