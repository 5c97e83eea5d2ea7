-- Limits that hold across the nodes of a cluster (PostgreSQL only: on SQLite one process keeps them in memory).
-- voter_buckets: Bucket4j's token buckets for the per-voter limits, one row per limit and voter hash (never an
-- address: per-address limits stay in each node's memory). A row expires once its bucket would be full again.
CREATE TABLE voter_buckets (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX voter_buckets_expires_at ON voter_buckets (expires_at);

-- endpoint_slots: an endpoint's cluster-wide limit on calls in flight (llm.endpoints[].cluster_parallel), as that
-- many slots; a node holds one for each call it sends, with a lease, so a killed node's slots free themselves.
CREATE TABLE endpoint_slots (
  endpoint    TEXT NOT NULL,
  slot        INTEGER NOT NULL,
  holder      TEXT,
  lease_until BIGINT,
  PRIMARY KEY (endpoint, slot)
);
