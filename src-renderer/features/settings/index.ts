/**
 * Settings feature: the settings page, plus the company form and the language switch that
 * the first-run screen and the top bar reuse.
 */
export { SettingsPage } from './SettingsPage.tsx';
export { CompanyProfileForm } from './CompanyProfileForm.tsx';
export { LanguageSwitch } from './LanguageSwitch.tsx';
export { PILOT_ZONES } from './pilot-zones.ts';
