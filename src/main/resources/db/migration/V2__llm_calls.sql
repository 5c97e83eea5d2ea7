-- The LLM gateway's cache and ledger: one row per call (answered, answered from the cache, or failed).
-- The cache answers from the newest 'ok' row with the same request_key. No API key or header is ever stored.
CREATE TABLE llm_calls (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    request_key   CHAR(64)         NOT NULL,  -- SHA-256 hex over endpoint, model, messages, parameters
    endpoint      VARCHAR(200)     NOT NULL,
    model         VARCHAR(200)     NOT NULL,
    outcome       VARCHAR(16)      NOT NULL,  -- ok | cached | error
    error_kind    VARCHAR(32),                -- rate_limited, server_error, timeout, auth, ... when outcome = error
    attempts      INTEGER          NOT NULL,  -- provider calls made (0 when cached)
    input_tokens  INTEGER          NOT NULL,  -- tokens billed: 0 when cached
    output_tokens INTEGER          NOT NULL,
    latency_ms    BIGINT           NOT NULL,  -- the answering attempt's time; 0 when cached
    cost          DOUBLE PRECISION NOT NULL,  -- tokens × price per million / 10^6; 0 when cached
    response_text TEXT,                       -- the reply when outcome = ok
    request_json  TEXT,                       -- the canonical request that request_key hashes (ok and error rows)
    created_at_us BIGINT           NOT NULL   -- epoch microseconds, strictly increasing within a process
);
CREATE INDEX llm_calls_by_key ON llm_calls (request_key, outcome, created_at_us);
CREATE INDEX llm_calls_by_time ON llm_calls (created_at_us);
