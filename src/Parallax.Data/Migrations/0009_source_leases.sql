-- A poller claims a due source under a lease (leased_by until lease_until) so that two workers never poll one
-- source at once; saving the check ends the lease, and a lease that runs out (a killed worker) frees the source.
ALTER TABLE sources ADD COLUMN leased_by TEXT;
ALTER TABLE sources ADD COLUMN lease_until BIGINT;
