/**
 * Time zones offered when a shop is created: where the marketplaces sellers use keep their
 * clocks. Each has a translated label key; the IANA id is what is stored.
 */
export const TIME_ZONES = [
  { zone: 'Asia/Shanghai', key: 'shanghai' },
  { zone: 'America/Los_Angeles', key: 'losAngeles' },
  { zone: 'America/Denver', key: 'denver' },
  { zone: 'America/Chicago', key: 'chicago' },
  { zone: 'America/New_York', key: 'newYork' },
  { zone: 'America/Toronto', key: 'toronto' },
  { zone: 'America/Mexico_City', key: 'mexicoCity' },
  { zone: 'America/Sao_Paulo', key: 'saoPaulo' },
  { zone: 'Europe/London', key: 'london' },
  { zone: 'Europe/Berlin', key: 'berlin' },
  { zone: 'Europe/Paris', key: 'paris' },
  { zone: 'Europe/Madrid', key: 'madrid' },
  { zone: 'Europe/Rome', key: 'rome' },
  { zone: 'Europe/Warsaw', key: 'warsaw' },
  { zone: 'Europe/Stockholm', key: 'stockholm' },
  { zone: 'Asia/Tokyo', key: 'tokyo' },
  { zone: 'Asia/Seoul', key: 'seoul' },
  { zone: 'Asia/Hong_Kong', key: 'hongKong' },
  { zone: 'Asia/Taipei', key: 'taipei' },
  { zone: 'Asia/Singapore', key: 'singapore' },
  { zone: 'Asia/Kuala_Lumpur', key: 'kualaLumpur' },
  { zone: 'Asia/Bangkok', key: 'bangkok' },
  { zone: 'Asia/Manila', key: 'manila' },
  { zone: 'Asia/Jakarta', key: 'jakarta' },
  { zone: 'Asia/Ho_Chi_Minh', key: 'hoChiMinh' },
  { zone: 'Asia/Dubai', key: 'dubai' },
  { zone: 'Asia/Riyadh', key: 'riyadh' },
  { zone: 'Australia/Sydney', key: 'sydney' },
  { zone: 'Pacific/Auckland', key: 'auckland' },
  { zone: 'UTC', key: 'utc' },
] as const;

export type TimeZoneKey = (typeof TIME_ZONES)[number]['key'];
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
