import type {
  FederatedRecord,
  PartyRecord,
  RegisterVersion,
} from '../../src/app/register/models.ts';
import type { PrefixReader } from '../../src/app/register/prefix-lookup.ts';
import { computeCheckCharacter } from '../../src/domain/emobility-id/index.ts';

// A register of one holder (NL*ABL, with a name that needs escaping in JSON), one reserved code
// (BE*QQQ) and other registers' records for DE and for ABL, read from memory: for the unit tests
// of the resolve answer.

const AT = '2026-06-29T15:36:31.359Z';

export const abel: PartyRecord = {
  key: 'NLABL',
  country: 'NL',
  code: 'ABL',
  roles: ['CPO', 'EMSP'],
  status: 'active',
  validFrom: '2024-03-01T00:00:00.000Z',
  validTo: null,
  successorKey: null,
  holder: {
    id: 'h1',
    legalName: 'Abel & Co "Laadpalen" \\ Réseau ⚡',
    tradingName: null,
    country: 'NL',
    website: 'https://www.abelenco.nl',
  },
  createdAt: AT,
  updatedAt: AT,
};

function federated(country: string, code: string, registryId: string): FederatedRecord {
  return {
    registryId,
    country,
    code,
    role: 'CPO',
    status: 'ACTIVE',
    organizationName: 'Energiegewinner eG',
    legalName: null,
    website: null,
    official: true,
    sourceRecordId: `${country}${code}`,
    sourceUrl: 'https://example.test/export',
    sourceValue: `${country}*${code}`,
    firstSeenAt: null,
    lastSeenAt: AT,
    retrievedAt: AT,
    dataset: 'Open IDRO Directory, data/registry.csv at f52cb90 (2026-06-29)',
    importedAt: AT,
  };
}

export const reader: PrefixReader = {
  version: (): Promise<RegisterVersion> =>
    Promise.resolve({ lastEventId: 1, federatedMark: '2@', reservedMark: '1@', lastModified: AT }),
  findParty: (key) => Promise.resolve(key === 'NLABL' ? abel : undefined),
  reservation: (key) => Promise.resolve(key === 'BEQQQ' ? { reason: 'Held back' } : undefined),
  federatedRecords: (country, code) =>
    Promise.resolve(
      country === 'DE' || code === 'ABL'
        ? [federated(country, code, `${country.toLowerCase()}-x`)]
        : [],
    ),
};

/** The prefix lookup's time: the epoch, for ever. */
export const clock = () => 0;

const check = computeCheckCharacter('NLABLC12345678');
/** IDs of every kind and spelling, held here, reserved, foreign and unknown. */
export const IDS = [
  'NL*ABL',
  'nl-abl',
  'NL*ABL*E12345*1',
  'NL*ABL*P12345',
  'NL*ABL*S12345',
  `NL-ABL-C12345678-${check}`,
  'nlablc12345678',
  'DE*000*E1',
  'BE*QQQ*E1',
  'LU*Z9Z',
];
