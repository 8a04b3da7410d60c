-- The ids of every user, customer, service provider, offering and checklist, by kind, in creation order.
CREATE TABLE compliance_catalog (
    catalog  text NOT NULL,
    id       uuid NOT NULL,
    position bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (catalog, id)
);
CREATE INDEX compliance_catalog_order ON compliance_catalog (catalog, position);
