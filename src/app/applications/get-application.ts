import { ownApplication, viewOf, type ApplicationView } from './application-view.ts';
import type { ApplicantAccount, ApplicationServices } from './ports.ts';

/** One application of the account's organisation; any other id is `not_found`. */
export async function getApplication(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
): Promise<ApplicationView> {
  return viewOf(deps, await ownApplication(deps, account, id));
}
