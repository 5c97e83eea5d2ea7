package dev.tribunal.arena;

import java.time.Instant;

/**
 * One showing of two critiques to one voter. {@code a} and {@code b} are the evaluations in the order shown
 * (randomly assigned); the id is an opaque random token, the only handle the browser gets.
 *
 * @param voterHash the HMAC of the voter's cookie id who started the round
 */
public record Round(String id, ArenaSample sample, JudgeEvaluation a, JudgeEvaluation b, String voterHash,
                    Instant createdAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
