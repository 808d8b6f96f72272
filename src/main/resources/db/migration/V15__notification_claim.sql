-- Exactly-once hand-over to the channel on a cluster (docs/notifications.md, "Never twice"): a sending job
-- claims its row (status SENDING, the node and the lease's end) in a committed transaction of its own before
-- it calls the channel. Another node, or a retry, takes the row only when the lease has run out (the claiming
-- node died between the call and recording SENT) and sends it again under the same reference.
-- Portable SQL for H2 2.x and PostgreSQL 14+.
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
