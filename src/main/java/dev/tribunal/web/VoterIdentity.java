package dev.tribunal.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is voting, without accounts and without addresses: ids issued and signed by the server only. The cookie
 * {@value #COOKIE} (HttpOnly, SameSite=Lax) holds {@code <id>.<sig>}: a random id (128 bits, base64url) and
 * {@code sig = base64url(HMAC-SHA256(K_sign, id))} truncated to 128 bits. A cookie that is missing, malformed, or
 * whose signature does not verify names nobody: the request is a new visitor, who gets a new id.
 *
 * <p>Two keys are derived from the one voter secret, {@code K_sign = HMAC-SHA256(secret, "tribunal cookie signature
 * v1")} and {@code K_hash = HMAC-SHA256(secret, "tribunal voter hash v1")}; the server stores only
 * {@code voter_hash = base64url(HMAC-SHA256(K_hash, id))}, never the id or the cookie, so the stored hash equals
 * nothing in the cookie, and without the secret a database cannot be matched to browsers' cookies.
 */
public final class VoterIdentity {

    public static final String COOKIE = "tribunal_voter";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int SIGNATURE_BYTES = 16;
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Mac signing;
    private final Mac hashing;
    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookie;

    public VoterIdentity(byte[] secret, boolean secureCookie) {
        if (secret.length < 16) throw new IllegalArgumentException("the voter secret needs at least 16 bytes");
        Mac master = mac(secret);
        signing = mac(master.doFinal("tribunal cookie signature v1".getBytes(StandardCharsets.US_ASCII)));
        hashing = mac(master.doFinal("tribunal voter hash v1".getBytes(StandardCharsets.US_ASCII)));
        this.secureCookie = secureCookie;
    }

    /** The stored hash of the voter this request's cookie names, when the server signed it. */
    public Optional<String> known(Context ctx) {
        return hashOf(ctx.cookie(COOKIE));
    }

    /** Issues a new voter id to this request (sets the cookie) and returns its stored hash. */
    public String issue(Context ctx) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = BASE64URL.encodeToString(bytes);
        ctx.cookie(new Cookie(COOKIE, id + "." + signature(id), "/", ONE_YEAR_SECONDS, secureCookie, true, null,
                SameSite.LAX));
        return hash(id);
    }

    /** The stored hash of the voter a cookie value names; empty unless it is {@code <id>.<sig>} with a valid sig. */
    public Optional<String> hashOf(String cookieValue) {
        if (cookieValue == null) return Optional.empty();
        int dot = cookieValue.indexOf('.');
        if (dot < 0) return Optional.empty();
        String id = cookieValue.substring(0, dot);
        if (!ID.matcher(id).matches()) return Optional.empty();
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(hash(id)) : Optional.empty();   // constant time
    }

    private String signature(String id) {
        return BASE64URL.encodeToString(Arrays.copyOf(digest(signing, id), SIGNATURE_BYTES));
    }

    private String hash(String id) {
        return BASE64URL.encodeToString(digest(hashing, id));
    }

    private static byte[] digest(Mac prototype, String text) {
        try {
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
