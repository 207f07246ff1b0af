import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { MULTIPART_LIMITS } from './form-input.ts';
import { introRoutes } from './intro-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import { stepRoutes, type ApplyRouteOptions } from './step-routes.ts';

/** The application form, its review and confirmation, and the account overview, in every language. */
export const applyPageRoutes: FastifyPluginAsync<ApplyRouteOptions> = async (app, options) => {
  // Only these pages take files (the company step's registry extract).
  await app.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
  for (const lang of LANGUAGES) {
    introRoutes(app, options, lang);
    reviewRoutes(app, options, lang);
    stepRoutes(app, options, lang);
  }
};
