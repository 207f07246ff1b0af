/**
 * The layout of the public Benelux register export: one row per company, several IDs in a cell
 * joined by " - ", "/" for none; CPO IDs usually `CC*XXX`, eMSP IDs `CC-XXX`.
 */
export const BENELUX_EXPORT_HEADER = [
  'Company Name',
  'Operator-ID (CPO)',
  'Provider-ID (MSP)',
  'Website',
] as const;

export const BENELUX_EXPORT_NONE = '/';
export const BENELUX_EXPORT_JOIN = ' - ';
