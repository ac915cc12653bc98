-- A rebuild of the read model runs as a job: its progress and outcome are kept here so the caller
-- can follow it at its own resource, from any instance.
CREATE TABLE insight_rebuild (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  -- Moved on while the job works: a RUNNING job whose heartbeat stopped was left by an instance
  -- that died, and no longer holds the one running place.
  heartbeat_at timestamptz NOT NULL,
  read_events bigint NOT NULL DEFAULT 0,
  applied bigint NOT NULL DEFAULT 0,
  already_applied bigint NOT NULL DEFAULT 0,
  skipped bigint NOT NULL DEFAULT 0,
  customers bigint,
  failure text
);
-- One rebuild at a time, across instances.
CREATE UNIQUE INDEX insight_rebuild_one_running ON insight_rebuild ((true)) WHERE status = 'RUNNING';
