import type { FastifyPluginAsync } from 'fastify';
import type { RegisterServices } from '../../../../app/register/services.ts';
import { changesRoutes } from './changes-routes.ts';
import { exportRoutes } from './export-routes.ts';
import { partiesRoutes } from './parties-routes.ts';
import { resolveRoutes } from './resolve-routes.ts';
import { statsRoutes } from './stats-routes.ts';

/** The public register API, to be registered under `/api/v1`. */
export const registerApiRoutes: FastifyPluginAsync<{ register: RegisterServices }> = async (
  app,
  { register },
) => {
  const { reader, lookup } = register;
  await app.register(partiesRoutes, { reader });
  await app.register(resolveRoutes, { lookup });
  await app.register(changesRoutes, { reader });
  await app.register(statsRoutes, { reader });
  await app.register(exportRoutes, { reader });
};

/** `/register.csv` and friends at the root too: short, stable download addresses. */
export const registerExportAliases: FastifyPluginAsync<{ register: RegisterServices }> = async (
  app,
  { register },
) => {
  await app.register(exportRoutes, { reader: register.reader, hide: true });
};
