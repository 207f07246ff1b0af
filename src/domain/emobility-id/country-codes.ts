/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes (rule PA-1). Exceptionally,
 * transitionally and user-assigned codes (UK, EU, EL, AA, QM-QZ, XA-XZ incl. XK, ZZ) are absent
 * on purpose: an IDRO must not accept a country that ISO has not assigned. Review this list when
 * ISO publishes a change.
 */
export const ASSIGNED_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
  'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ ' +
  'LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA ' +
  'RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ ' +
  'VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const LETTERS = 26;

/** Indexed by (first - 'A') * 26 + (second - 'A') so a lookup is one array read. */
const ASSIGNED = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(LETTERS * LETTERS);
  for (const code of ASSIGNED_COUNTRY_CODES) {
    table[(code.charCodeAt(0) - 0x41) * LETTERS + (code.charCodeAt(1) - 0x41)] = 1;
  }
  return table;
}

/** Both arguments must be code units of ASCII letters (either case); callers check that first. */
export function isAssignedCountryCode(first: number, second: number): boolean {
  return ASSIGNED[((first & 0xdf) - 0x41) * LETTERS + ((second & 0xdf) - 0x41)] === 1;
}
