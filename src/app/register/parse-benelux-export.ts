import { parse } from 'csv-parse/sync';
import { validateId } from '../../domain/emobility-id/index.ts';
import { isRegisterCountry } from '../../domain/register/party-key.ts';
import type { Role } from '../../domain/register/roles.ts';
import { BENELUX_EXPORT_HEADER, BENELUX_EXPORT_NONE } from './benelux-export-format.ts';
import type { ImportAnomaly } from './import-anomaly.ts';

/** One company of the export with its codes and the roles each serves. */
export interface BeneluxCompany {
  readonly line: number;
  readonly name: string;
  readonly website: string | null;
  readonly codes: ReadonlyMap<string, ReadonlySet<Role>>;
}

export interface ParsedExport {
  readonly companies: readonly BeneluxCompany[];
  readonly anomalies: readonly ImportAnomaly[];
}

export class ExportFormatError extends Error {}

/** Website as written (`www.x.be`, `x.be/`, empty) to an absolute URL, or null. */
export function normaliseWebsite(raw: string): string | null {
  const value = raw.trim();
  if (value === '' || value === BENELUX_EXPORT_NONE) return null;
  const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  return URL.canParse(url) ? url : null;
}

interface CellContext {
  readonly line: number;
  readonly column: string;
  readonly role: Role;
  readonly anomalies: ImportAnomaly[];
}

function readCell(cell: string, ctx: CellContext): string[] {
  const value = cell.trim();
  if (value === '' || value === BENELUX_EXPORT_NONE) return [];
  const keys: string[] = [];
  for (const token of value.split(/\s+-\s+/)) {
    const note = (code: string, message: string) =>
      ctx.anomalies.push({ line: ctx.line, column: ctx.column, value: token, code, message });
    const result = validateId(token, 'party');
    if (!result.valid || result.parts === undefined) {
      note(
        'invalid_party_id',
        `not a party ID (${result.valid ? 'no parts' : result.reason}); skipped`,
      );
      continue;
    }
    const key = result.normalized;
    if (!isRegisterCountry(result.parts.country))
      note('foreign_country', 'not a Benelux country code; kept');
    if (ctx.role === 'CPO' && token.includes('-'))
      note('cpo_id_with_dash', 'CPO ID written with "-" instead of "*"');
    if (ctx.role === 'EMSP' && token.includes('*'))
      note('emsp_id_with_star', 'eMSP ID written with "*" instead of "-"');
    if (keys.includes(key)) note('duplicate_in_cell', 'the same ID twice in one cell');
    else keys.push(key);
  }
  return keys;
}

function readCompany(
  record: string[],
  line: number,
  anomalies: ImportAnomaly[],
): BeneluxCompany | undefined {
  const [rawName = '', cpo = '', msp = '', rawWebsite = ''] = record;
  const name = rawName.replace(/\s+/g, ' ').trim();
  if (name === '') {
    anomalies.push({
      line,
      column: BENELUX_EXPORT_HEADER[0],
      code: 'missing_name',
      message: 'row without a company name; skipped',
    });
    return undefined;
  }
  if (name !== rawName) {
    anomalies.push({
      line,
      column: BENELUX_EXPORT_HEADER[0],
      value: rawName,
      code: 'name_whitespace',
      message: 'extra spaces in the name; collapsed',
    });
  }
  const website = normaliseWebsite(rawWebsite);
  if (website === null) {
    anomalies.push({
      line,
      column: BENELUX_EXPORT_HEADER[3],
      value: rawWebsite,
      code: 'missing_website',
      message: 'no usable website',
    });
  }
  const codes = new Map<string, Set<Role>>();
  const add = (keys: string[], role: Role) => {
    for (const key of keys) codes.set(key, (codes.get(key) ?? new Set<Role>()).add(role));
  };
  add(readCell(cpo, { line, column: BENELUX_EXPORT_HEADER[1], role: 'CPO', anomalies }), 'CPO');
  add(readCell(msp, { line, column: BENELUX_EXPORT_HEADER[2], role: 'EMSP', anomalies }), 'EMSP');
  if (codes.size === 0)
    anomalies.push({ line, code: 'no_codes', message: 'company without any ID' });
  return { line, name, website, codes };
}

/** Reads the export; throws ExportFormatError when it is not in the export's layout at all. */
export function parseBeneluxExport(text: string): ParsedExport {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = rows[0]?.record.map((h) => h.trim());
  if (header === undefined || BENELUX_EXPORT_HEADER.some((h, i) => header[i] !== h)) {
    throw new ExportFormatError(
      `the header must be ${BENELUX_EXPORT_HEADER.map((h) => `"${h}"`).join(',')}`,
    );
  }
  const anomalies: ImportAnomaly[] = [];
  const companies: BeneluxCompany[] = [];
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    if (record.length !== BENELUX_EXPORT_HEADER.length) {
      anomalies.push({
        line,
        code: 'column_count',
        message: `${record.length} columns instead of 4`,
      });
    }
    const company = readCompany(record, line, anomalies);
    if (company !== undefined) companies.push(company);
  }
  return { companies, anomalies };
}
