package backstop.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs values with the installation's server key (see {@code ServerKey}) so they cannot be forged by a client. */
final class WebSecrets {
    private final Supplier<byte[]> source;
    private volatile byte[] key;

    /** With the key from {@code source}, asked for at the first signature: start-up builds the web app before it. */
    WebSecrets(Supplier<byte[]> source) {
        this.source = source;
    }

    String sign(String value) {
        byte[] key = this.key;
        if (key == null) {
            key = source.get().clone();
            this.key = key; // the same key whichever thread asks first
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean verify(String value, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(value).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
