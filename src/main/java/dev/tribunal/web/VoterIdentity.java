package dev.tribunal.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is voting, without accounts and without addresses: a random id (128 bits, base64url) in the HttpOnly,
 * SameSite=Lax cookie {@value #COOKIE}, issued on first contact. The server never stores that id, only
 * {@code base64url(HMAC-SHA256(secret, id))}, so a database leak cannot be matched to browsers' cookies
 * without the secret, and the id itself is never written anywhere.
 */
public final class VoterIdentity {

    public static final String COOKIE = "tribunal_voter";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private final Mac prototype;
    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookie;

    public VoterIdentity(byte[] secret, boolean secureCookie) {
        if (secret.length < 16) throw new IllegalArgumentException("the voter secret needs at least 16 bytes");
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        this.secureCookie = secureCookie;
    }

    /** The hash of this request's voter, issuing a new cookie when the request has none (or a malformed one). */
    public String voterHash(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || !VALID_ID.matcher(id).matches()) {
            id = newId();
            ctx.cookie(new Cookie(COOKIE, id, "/", ONE_YEAR_SECONDS, secureCookie, true, null, SameSite.LAX));
        }
        return hash(id);
    }

    public String hash(String voterId) {
        try {
            Mac mac = (Mac) prototype.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(voterId.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
