import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { skipUnlessAvailable } from './requirements.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `false` when browser tests can run, else the reason they are skipped (or throws if required). */
export function browserSkip(): string | false {
  return skipUnlessAvailable(existsSync(CHROMIUM), 'REQUIRE_BROWSER', `no Chromium at ${CHROMIUM}`);
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly baseUrl: string;
  newPage(options?: { javaScript?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the app on a free port and opens a fresh headless Chromium profile against it. */
export async function openBrowser(
  app: FastifyInstance,
  javaScript = true,
): Promise<BrowserSession> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const profile = mkdtempSync(join(tmpdir(), 'idro-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    javaScriptEnabled: javaScript,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    baseUrl: `http://127.0.0.1:${address.port}`,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly string[];
    readonly failureSummary?: string;
  }[];
}

/** Runs axe on the page for WCAG 2.1 A and AA and returns its violations, readably. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
