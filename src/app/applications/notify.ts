import type { ApplicationRecord, ApplicationServices } from './ports.ts';

/**
 * Sends a notification after the change it reports has been committed. A failure to send does not
 * undo the change: it is written to the application's history, where staff can see it.
 */
export async function notifyAfterCommit(
  deps: Pick<ApplicationServices, 'applications' | 'clock'>,
  record: ApplicationRecord,
  send: () => Promise<void>,
): Promise<void> {
  try {
    await send();
  } catch (err: unknown) {
    const reason = err instanceof Error ? err.message : String(err);
    await deps.applications.appendEvent({
      applicationId: record.id,
      type: 'notification_failed',
      fromStatus: null,
      toStatus: null,
      actor: null,
      note: reason.slice(0, 500),
      at: deps.clock.now().toISOString(),
    });
  }
}
