import { createPrefixLookup } from '../../src/app/register/prefix-lookup.ts';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { createTranslator } from '../../src/i18n/i18n.ts';
import { systemClock } from '../../src/serve.ts';
import { VERSION } from '../../src/version.ts';
import { announceAndServe } from './child-server.ts';

// The real application, wired as `serve` wires it (same prefix cache settings), on the database
// named on the command line, with the logger off. Usage: register-app-server.ts <DATABASE_URL>
const databaseUrl = process.argv[2];
if (databaseUrl === undefined) throw new Error('usage: register-app-server.ts <DATABASE_URL>');
const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
const { db } = connectDatabase(config.databaseUrl);
const reader = createRegisterReader(db);
const app = await buildApp({
  config,
  translator: createTranslator(),
  health: { check: () => Promise.resolve({ database: true }) },
  register: {
    reader,
    lookup: createPrefixLookup(reader, systemClock, { checkEveryMs: 1000, maxEntries: 50_000 }),
  },
  version: VERSION,
  logger: false,
});
app.addHook('onClose', () => db.destroy());
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
announceAndServe(address.port, () => app.close());
