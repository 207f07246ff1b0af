import Fastify from 'fastify';
import { createPrefixLookup } from '../../src/app/register/prefix-lookup.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { resolveRoutes } from '../../src/http/api/v1/register/resolve-routes.ts';
import { systemClock } from '../../src/serve.ts';
import { announceAndServe } from './child-server.ts';

// A diagnostic ceiling, not a baseline: the resolve route alone on a bare Fastify (no security
// headers, request ids, languages or error pages), on the same database and cache settings.
// Usage: resolve-only-server.ts <DATABASE_URL>
const databaseUrl = process.argv[2];
if (databaseUrl === undefined) throw new Error('usage: resolve-only-server.ts <DATABASE_URL>');
const { db } = connectDatabase(databaseUrl);
const reader = createRegisterReader(db);
const app = Fastify();
await app.register(resolveRoutes, {
  prefix: '/api/v1',
  lookup: createPrefixLookup(reader, systemClock, { checkEveryMs: 1000, maxEntries: 50_000 }),
});
app.addHook('onClose', () => db.destroy());
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
announceAndServe(address.port, () => app.close());
