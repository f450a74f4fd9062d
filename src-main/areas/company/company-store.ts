/**
 * Company profile rows. Saving appends a new version; the latest version is the profile.
 */
import type { CompanyProfile, PilotZone } from '../../core/company/company-profile.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';

export interface StoredCompany extends CompanyProfile {
  readonly version: number;
  readonly savedAt: string;
}

interface Row {
  version: number;
  name: string;
  uscc: string;
  customs_code: string;
  dxp_id: string | null;
  pilot_zone: string;
  saved_at: string;
}

export function latestCompany(db: Db): StoredCompany | null {
  const row = db.prepare('SELECT * FROM company_profile ORDER BY version DESC LIMIT 1').get() as Row | undefined;
  if (!row) return null;
  return {
    version: row.version,
    name: row.name,
    uscc: row.uscc,
    customsCode: row.customs_code,
    dxpId: row.dxp_id,
    pilotZone: row.pilot_zone as PilotZone,
    baseCurrency: 'CNY',
    savedAt: row.saved_at,
  };
}

export function appendCompany(db: WriteDb, p: CompanyProfile, commandId: number, savedAt: string): number {
  const info = db
    .prepare(
      `INSERT INTO company_profile (command_id, name, uscc, customs_code, dxp_id, pilot_zone, base_currency, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(commandId, p.name, p.uscc, p.customsCode, p.dxpId, p.pilotZone, p.baseCurrency, savedAt);
  return Number(info.lastInsertRowid);
}
