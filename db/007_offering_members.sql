-- The offering users of each offering: one per (offering, user). The lifecycle job reads them in
-- offering_user_id order, a batch after the last one it finished.
CREATE TABLE compliance_offering_members (
    offering_id       uuid NOT NULL,
    user_id           uuid NOT NULL,
    offering_user_id  uuid NOT NULL,
    PRIMARY KEY (offering_id, user_id)
);
CREATE UNIQUE INDEX compliance_offering_members_order ON compliance_offering_members (offering_id, offering_user_id);
