import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

export interface HistoryRow {
  readonly date: string;
  readonly event: string;
  readonly status: string;
  readonly reason: string;
}

/** One code's page: what it is, who holds it, and what happened to it. */
export class PartyPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens `/{lang}/register/{country}/{code}`; returns the final HTTP status after redirects. */
  async open(lang: Language, country: string, code: string): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/register/${country}/${code}`);
    return response?.status() ?? 0;
  }

  async title(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  async lead(): Promise<string> {
    return this.page.locator('main .lead').innerText();
  }

  /** A description list as term → description, found by its section's heading (or the first). */
  async details(sectionHeading?: string): Promise<Record<string, string>> {
    const list =
      sectionHeading === undefined
        ? this.page.locator('main > dl.summary-list')
        : this.page
            .locator('section', { has: this.page.getByRole('heading', { name: sectionHeading }) })
            .locator('dl');
    return list.evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('.summary-row')].map((row) => [
          row.querySelector<HTMLElement>('dt')!.innerText.trim(),
          row.querySelector<HTMLElement>('dd')!.innerText.trim(),
        ]),
      ),
    );
  }

  async history(): Promise<HistoryRow[]> {
    return this.page.locator('table.history-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const [date = '', event = '', status = '', reason = ''] = [...row.children].map((c) =>
          (c as HTMLElement).innerText.trim(),
        );
        return { date, event, status, reason };
      }),
    );
  }

  async websiteLink(): Promise<{ href: string | null; rel: string | null }> {
    const link = this.page.locator('a[rel~="noopener"]');
    return { href: await link.getAttribute('href'), rel: await link.getAttribute('rel') };
  }

  async otherCodes(): Promise<string[]> {
    return this.page.locator('[aria-labelledby="other-codes-heading"] tbody th a').allInnerTexts();
  }
}
