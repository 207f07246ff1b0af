/**
 * Tests that need PostgreSQL or a browser skip with a one-line reason when it is absent, unless
 * REQUIRE_PG=1 / REQUIRE_BROWSER=1 asks for them, in which case they fail instead.
 */
export function skipUnlessAvailable(
  available: boolean,
  requireVariable: 'REQUIRE_PG' | 'REQUIRE_BROWSER',
  reason: string,
): string | false {
  if (available) return false;
  if (process.env[requireVariable] === '1') {
    throw new Error(`${requireVariable}=1 but ${reason}`);
  }
  return reason;
}
