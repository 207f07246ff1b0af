import {
  checkLegalEntityNumber,
  type LegalEntityResult,
} from '../../domain/application/legal-entity-number.ts';
import {
  isSimilarName,
  nameSimilarity,
  SIMILAR_NAME_THRESHOLD,
} from '../../domain/review/name-similarity.ts';
import {
  availabilityIn,
  heldAbroad,
  type CountryAvailability,
  type HeldAbroad,
} from '../applications/check-availability.ts';
import type { SubmittedValues } from '../applications/submitted-values.ts';
import type { HolderIdentifier, HolderSummary, ReviewRecord, ReviewServices } from './ports.ts';

/** What the service checked by itself, for the reviewer to weigh. */
export interface AutomaticChecks {
  /** The legal-entity number, checked for the seat country's scheme (mod-97, shape). */
  readonly legalEntityNumber: {
    readonly country: string;
    readonly value: string;
    readonly result: LegalEntityResult;
  };
  /** The company's VAT number: its checksum (jsvat); null when none was given. */
  readonly vatNumber: { readonly value: string; readonly valid: boolean } | null;
  /** Whether the code can be issued now in each requested country. */
  readonly availability: readonly CountryAvailability[];
  /** The same code in other registers, with their source; `sameName` when it looks like the applicant. */
  readonly heldAbroad: readonly (HeldAbroad & { readonly sameName: boolean })[];
  /** Other holders with the same legal-entity or VAT number: a duplicate, or impersonation. */
  readonly sameIdentifier: readonly {
    readonly identifier: HolderIdentifier;
    readonly holder: HolderSummary;
  }[];
  /** Holders whose legal or trading name looks like the company's, most alike first. */
  readonly similarNames: readonly {
    readonly holder: HolderSummary;
    readonly score: number;
  }[];
  /** Other open applications for the same code in one of the same countries. */
  readonly sameCodeRequested: readonly {
    readonly id: string;
    readonly reference: string;
    readonly status: string;
  }[];
}

const MAX_SIMILAR = 10;

/**
 * The identifiers a holder made from this application gets, normalised: the legal-entity number
 * under its country's scheme (`BE_KBO`, `NL_KVK`, `LU_RCS`; other countries' numbers are free
 * text and not kept as identifiers) and the VAT number (`VAT`).
 */
export function identifiersOf(
  deps: Pick<ReviewServices, 'checks'>,
  values: SubmittedValues,
): HolderIdentifier[] {
  const identifiers: HolderIdentifier[] = [];
  const legal = checkLegalEntityNumber(
    values.company.seatCountry,
    values.company.legalEntityNumber,
  );
  if (legal.ok && legal.scheme !== 'OTHER') {
    identifiers.push({ scheme: legal.scheme, value: legal.normalized });
  }
  const vat =
    values.company.vatNumber === null ? undefined : deps.checks.vatNumber(values.company.vatNumber);
  if (vat !== undefined) identifiers.push({ scheme: 'VAT', value: vat });
  return identifiers;
}

async function similarHolders(
  deps: ReviewServices,
  values: SubmittedValues,
  ownHolder: string | null,
): Promise<AutomaticChecks['similarNames']> {
  const name = values.company.legalName;
  const scored = (await deps.reader.holderNames())
    .filter((h) => h.id !== ownHolder)
    .map((h) => ({
      id: h.id,
      score: Math.max(
        nameSimilarity(name, h.legalName),
        h.tradingName === null ? 0 : nameSimilarity(name, h.tradingName),
      ),
    }))
    .filter((h) => h.score >= SIMILAR_NAME_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SIMILAR);
  const holders = new Map(
    (await deps.reader.holders(scored.map((s) => s.id))).map((h) => [h.id, h]),
  );
  return scored.flatMap((s) => {
    const holder = holders.get(s.id);
    return holder === undefined ? [] : [{ holder, score: s.score }];
  });
}

async function sameCodeRequested(
  deps: ReviewServices,
  review: ReviewRecord,
  values: SubmittedValues,
): Promise<AutomaticChecks['sameCodeRequested']> {
  const open = await deps.reader.openApplications();
  return open
    .filter((other) => other.record.id !== review.record.id)
    .filter((other) => {
      const request = other.record.submitted?.request;
      return (
        request?.code === values.request.code &&
        request.countries.some((c) => values.request.countries.includes(c))
      );
    })
    .map((other) => ({
      id: other.record.id,
      reference: other.record.reference,
      status: other.record.status,
    }));
}

/** Runs every automatic check on a submitted application against the register as it is now. */
export async function automaticChecks(
  deps: ReviewServices,
  review: ReviewRecord,
  values: SubmittedValues,
): Promise<AutomaticChecks> {
  // As submitted: what the reviewer decides on, even if the applicant is editing it again.
  const seat = values.company.seatCountry;
  const legalValue = values.company.legalEntityNumber;
  const vatValue = values.company.vatNumber ?? '';
  const { code, countries } = values.request;
  const identifiers = identifiersOf(deps, values);
  const [availability, abroad, sameIdentifier, similarNames, sameCode] = await Promise.all([
    availabilityIn(deps.register, code, countries),
    heldAbroad(deps.register, code, undefined),
    identifiers.length === 0
      ? Promise.resolve([])
      : deps.reader.holdersWithIdentifiers(identifiers),
    similarHolders(deps, values, review.holderId),
    sameCodeRequested(deps, review, values),
  ]);
  return {
    legalEntityNumber: {
      country: seat,
      value: legalValue,
      result: checkLegalEntityNumber(seat, legalValue),
    },
    vatNumber:
      vatValue === ''
        ? null
        : { value: vatValue, valid: deps.checks.vatNumber(vatValue) !== undefined },
    availability,
    heldAbroad: abroad.map((h) => ({
      ...h,
      sameName:
        h.organisationName !== null && isSimilarName(values.company.legalName, h.organisationName),
    })),
    sameIdentifier: sameIdentifier.filter((m) => m.holder.id !== review.holderId),
    similarNames,
    sameCodeRequested: sameCode,
  };
}
