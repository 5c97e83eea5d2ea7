-- db-scheduler's table (see the PostgreSQL version): on SQLite the same scheduler runs in the one process.
-- Timestamps are stored as the SQLite driver writes java.sql.Timestamp: epoch milliseconds.
CREATE TABLE scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BLOB,
  execution_time       INTEGER NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         INTEGER,
  last_failure         INTEGER,
  consecutive_failures INTEGER,
  last_heartbeat       INTEGER,
  version              INTEGER NOT NULL,
  priority             INTEGER,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
