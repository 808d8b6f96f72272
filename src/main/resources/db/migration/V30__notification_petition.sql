-- Notifications to petitioners (docs/notifications.md, docs/petitions.md): a row of the outbox belongs either to
-- a dossier or to a petition (phản ánh, kiến nghị), never both and never neither. The sending side (claim, lease,
-- SENT never sent again, the row id as the gateway's reference) is the same for both.
-- Portable SQL for H2 2.x and PostgreSQL 14+.
ALTER TABLE notification ALTER COLUMN dossier_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN petition_id BIGINT;
ALTER TABLE notification ADD CONSTRAINT fk_notification_petition FOREIGN KEY (petition_id) REFERENCES petition (id);
ALTER TABLE notification ADD CONSTRAINT ck_notification_subject CHECK (
    (dossier_id IS NOT NULL AND petition_id IS NULL) OR (dossier_id IS NULL AND petition_id IS NOT NULL));
-- one notice of a petition gives at most one message per channel (uq_notification_once does it for dossiers;
-- its NULL dossier_id never collides)
ALTER TABLE notification ADD CONSTRAINT uq_notification_petition_once UNIQUE (petition_id, notice_key, channel);
