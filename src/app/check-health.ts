import type { HealthProbe } from './ports.ts';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly checks: Readonly<Record<string, 'ok' | 'down'>>;
}

/** Asks every dependency whether it answers; the service is `ok` only when all do. */
export async function checkHealth(probe: HealthProbe): Promise<HealthReport> {
  const states = await probe.check();
  const checks = Object.fromEntries(
    Object.entries(states).map(([name, up]) => [name, up ? 'ok' : 'down'] as const),
  );
  const status = Object.values(states).every(Boolean) ? 'ok' : 'degraded';
  return { status, checks };
}
