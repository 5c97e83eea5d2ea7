-- The LLM gateway's cache and ledger: one row per call (answered, answered from the cache, or failed).
-- The cache answers from the newest 'ok' row with the same request_key. No API key or header is ever stored.
CREATE TABLE llm_calls (
    id             ${id_pk},
    request_key    TEXT   NOT NULL,   -- SHA-256 hex over endpoint, model, messages, parameters
    endpoint       TEXT   NOT NULL,
    model          TEXT   NOT NULL,
    outcome        TEXT   NOT NULL CHECK (outcome IN ('ok', 'cached', 'error')),
    error_kind     TEXT,              -- rate_limited, server_error, timeout, auth, ... when outcome = 'error'
    attempts       INTEGER NOT NULL,  -- provider calls made (0 when cached)
    input_tokens   BIGINT NOT NULL,   -- tokens billed: 0 when cached
    output_tokens  BIGINT NOT NULL,
    latency_ms     BIGINT NOT NULL,   -- the answering attempt's time; 0 when cached
    cost           DOUBLE PRECISION NOT NULL,  -- tokens × price per million / 10^6; 0 when cached
    response_text  TEXT,              -- the reply when outcome = 'ok'
    request_json   TEXT,              -- the canonical request that request_key hashes (ok and error rows)
    created_at     BIGINT NOT NULL
);
CREATE INDEX llm_calls_by_key ON llm_calls (request_key, outcome, id);
CREATE INDEX llm_calls_by_time ON llm_calls (created_at);
CREATE INDEX llm_calls_by_endpoint ON llm_calls (endpoint, created_at);
