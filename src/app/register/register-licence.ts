/** The open-data licence of the published register (exports, API); see docs/adr. */
export const REGISTER_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Benelux e-mobility ID register',
} as const;
