import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { getParty } from '../../../app/register/get-party.ts';
import { listParties } from '../../../app/register/list-parties.ts';
import type { RegisterServices } from '../../../app/register/services.ts';
import { DomainError } from '../../../domain/errors.ts';
import { parsePartyKey, partyKeyOf } from '../../../domain/register/party-key.ts';
import { LANGUAGES, type Language } from '../../../i18n/languages.ts';
import { pageContext } from '../page-context.ts';
import { otherCodesOfHolder } from './holder-codes.ts';
import { PartyPage } from './party-page.tsx';
import { parseSearchQuery, type SearchQuery } from './search-query.ts';
import { SearchPage } from './search-page.tsx';
import { StatsPage } from './stats-page.tsx';

interface PartyParams {
  readonly countryCode: string;
  readonly partyId: string;
}

function isCursorError(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    error.code === 'validation_failed' &&
    error.fieldErrors.some((f) => f.field === 'cursor')
  );
}

async function searchPage(
  services: RegisterServices,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const ctx = pageContext(request);
  const search = parseSearchQuery(request.query);
  const invalid = (errors: SearchQuery['errors']) =>
    reply.code(400).html(SearchPage({ ctx, search: { ...search, errors }, page: undefined }));
  if (search.errors.length > 0) return invalid(search.errors);
  try {
    const page = await listParties(services.reader, search.filter, { cursor: search.cursor });
    return await reply.html(SearchPage({ ctx, search, page }));
  } catch (error) {
    // A cursor is opaque: a forged or mangled one is the reader's input error, not ours.
    if (isCursorError(error)) return invalid([{ field: 'cursor', message: 'cursor' }]);
    throw error;
  }
}

/** The one URL of each code: upper case, country and code as separate segments. */
function canonicalPartyUrl(lang: Language, country: string, code: string): string {
  return `/${lang}/register/${country}/${code}`;
}

async function partyPage(
  services: RegisterServices,
  lang: Language,
  request: FastifyRequest<{ Params: PartyParams }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { countryCode, partyId } = request.params;
  const key = partyKeyOf(countryCode, partyId);
  if (key === undefined) throw new DomainError('not_found');
  if (key.country !== countryCode || key.code !== partyId) {
    return reply.redirect(canonicalPartyUrl(lang, key.country, key.code), 301);
  }
  const detail = await getParty(services.reader, key.country, key.code);
  const others = await otherCodesOfHolder(services.reader, detail.record);
  return reply.html(PartyPage({ ctx: pageContext(request), detail, others }));
}

/** The register's pages in every language: search, one code, and the figures. */
export const registerPageRoutes: FastifyPluginAsync<{ register: RegisterServices }> = (
  app,
  { register },
) => {
  for (const lang of LANGUAGES) {
    app.get(`/${lang}/register`, { schema: { hide: true } }, (request, reply) =>
      searchPage(register, request, reply),
    );
    app.get<{ Params: PartyParams }>(
      `/${lang}/register/:countryCode/:partyId`,
      { schema: { hide: true } },
      (request, reply) => partyPage(register, lang, request, reply),
    );
    // People type IDs the way they read them (`be*abc`, `NL-ABL`): send them to the code's page.
    app.get<{ Params: { partyId: string } }>(
      `/${lang}/register/:partyId`,
      { schema: { hide: true } },
      (request, reply) => {
        const key = parsePartyKey(request.params.partyId);
        if (key === undefined) throw new DomainError('not_found');
        return reply.redirect(canonicalPartyUrl(lang, key.country, key.code), 301);
      },
    );
    app.get(`/${lang}/stats`, { schema: { hide: true } }, async (request, reply) =>
      reply.html(StatsPage({ ctx: pageContext(request), stats: await register.reader.stats() })),
    );
  }
  return Promise.resolve();
};
