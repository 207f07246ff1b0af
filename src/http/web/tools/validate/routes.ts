import type { FastifyPluginAsync } from 'fastify';

export const validatePageRoutes: FastifyPluginAsync = () => Promise.resolve();
