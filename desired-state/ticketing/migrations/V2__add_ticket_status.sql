-- Tickets move through a small workflow; existing tickets start open.
ALTER TABLE tickets
    ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'open'
        CONSTRAINT tickets_status_check CHECK (status IN ('open', 'in_progress', 'resolved', 'closed'));

CREATE INDEX tickets_status_idx ON tickets (status);
