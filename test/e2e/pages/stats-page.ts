import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

export interface Chart {
  /** The chart's accessible name, from its SVG title. */
  readonly name: string;
  readonly bars: number;
  /** The figures of the table that follows the chart: label → number as shown. */
  readonly table: Record<string, string>;
}

/** The register in figures: key numbers and charts, each with its table. */
export class StatsPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/stats`);
    return response?.status() ?? 0;
  }

  async keyFigures(): Promise<Record<string, string>> {
    return this.page
      .locator('dl.key-figures')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('div')].map((d) => [
            d.querySelector('dt')?.textContent ?? '',
            d.querySelector('dd')?.textContent ?? '',
          ]),
        ),
      );
  }

  async charts(): Promise<Chart[]> {
    return this.page.locator('.chart-pair').evaluateAll((pairs) =>
      pairs.map((pair) => {
        const svg = pair.querySelector('svg[role="img"]');
        const titleId = svg?.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
        const rows = [...pair.querySelectorAll('table tbody tr')];
        return {
          name: (titleId === '' ? null : document.getElementById(titleId))?.textContent ?? '',
          bars: svg?.querySelectorAll('rect').length ?? 0,
          table: Object.fromEntries(
            rows.map((r) => [
              r.querySelector('th')?.textContent ?? '',
              r.querySelector('td')?.textContent ?? '',
            ]),
          ),
        };
      }),
    );
  }

  /** The text of the section on registrations by month (a chart, or why there is none). */
  async monthSection(): Promise<string> {
    return this.page.locator('section[aria-labelledby="by-month-heading"]').innerText();
  }
}
