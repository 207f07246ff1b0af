import type { FastifyInstance } from 'fastify';
import type { BackOfficeServices } from '../../../app/back-office.ts';
import { adminAuditRoutes } from './audit/routes.ts';
import { adminLifecycleRoutes } from './lifecycle/routes.ts';
import { adminReviewRoutes } from './review/routes.ts';
import { adminStaffRoutes } from './staff/routes.ts';

export interface AdminRouteOptions {
  readonly services: BackOfficeServices;
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
}

/** `/{lang}/admin/…`: every back-office page. Each route declares `config.access`. */
export async function adminPageRoutes(app: FastifyInstance, o: AdminRouteOptions): Promise<void> {
  await app.register(adminStaffRoutes, o);
  await app.register(adminReviewRoutes, o);
  await app.register(adminLifecycleRoutes, o);
  await app.register(adminAuditRoutes, o);
}
