-- 0013 customs data for declarations customs would accept (issue 15):
--  * skus: legal quantity per sales unit for legal unit 1 and 2 (decimal text), 监管条件 codes,
--    export duty rate (percent, decimal text), 1210 account-book item number (itemRecordNo);
--  * warehouses: the bonded warehouse's account-book number (emsNo, 1210);
--  * customs_shops: each shop's platform customs code and name (ebpCode '无' + name for a foreign
--    platform without one) and its default destination port — kept apart from shops, which the
--    orders area owns;
--  * customs_shipping: per-list destination port and statisticsFlag choice.
-- All columns are nullable: existing ledgers keep working and fall back to the workspace settings.

ALTER TABLE skus ADD COLUMN legal_qty1_per_unit TEXT CHECK (legal_qty1_per_unit IS NULL OR length(legal_qty1_per_unit) BETWEEN 1 AND 20);
ALTER TABLE skus ADD COLUMN legal_qty2_per_unit TEXT CHECK (legal_qty2_per_unit IS NULL OR length(legal_qty2_per_unit) BETWEEN 1 AND 20);
ALTER TABLE skus ADD COLUMN supervision_conditions TEXT CHECK (supervision_conditions IS NULL OR length(supervision_conditions) BETWEEN 1 AND 20);
ALTER TABLE skus ADD COLUMN export_duty_rate TEXT CHECK (export_duty_rate IS NULL OR length(export_duty_rate) BETWEEN 1 AND 10);
ALTER TABLE skus ADD COLUMN item_record_no TEXT CHECK (item_record_no IS NULL OR length(item_record_no) BETWEEN 1 AND 30);

ALTER TABLE warehouses ADD COLUMN ems_no TEXT CHECK (ems_no IS NULL OR length(ems_no) BETWEEN 1 AND 30);

CREATE TABLE customs_shops (
  shop_id  INTEGER PRIMARY KEY REFERENCES shops(id),
  ebp_code TEXT NOT NULL CHECK (length(ebp_code) BETWEEN 1 AND 18),
  ebp_name TEXT NOT NULL CHECK (length(ebp_name) BETWEEN 1 AND 100),
  pod      TEXT CHECK (pod IS NULL OR length(pod) BETWEEN 3 AND 4)
) STRICT;

ALTER TABLE customs_shipping ADD COLUMN pod TEXT CHECK (pod IS NULL OR length(pod) BETWEEN 3 AND 4);
ALTER TABLE customs_shipping ADD COLUMN statistics_flag TEXT CHECK (statistics_flag IS NULL OR statistics_flag IN ('A', 'B'));
