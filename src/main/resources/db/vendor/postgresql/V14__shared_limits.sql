-- Limits that hold across the nodes of a cluster (PostgreSQL only: on SQLite one process keeps them in memory).
-- voter_buckets: Bucket4j's token buckets for the per-voter limits, one row per limit and voter hash (never an
-- address: per-address limits stay in each node's memory). A row expires once its bucket would be full again.
CREATE TABLE voter_buckets (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX voter_buckets_expires_at ON voter_buckets (expires_at);
