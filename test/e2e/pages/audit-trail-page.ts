import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

export interface ListedEntry {
  readonly seq: string;
  readonly when: string;
  readonly who: string;
  readonly what: string;
  readonly why: string;
}

export interface EntryDetail {
  readonly heading: string;
  /** When, who, about what and why, as term → description. */
  readonly facts: Record<string, string>;
  /** The changed fields as [field, before, after]. */
  readonly changes: string[][];
}

/**
 * The back office's audit pages: `/{lang}/admin/audit` (the chain's state, "verify now", the
 * entries with filters) and the trails of one holder or one code.
 */
export class AuditTrailPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language, path = ''): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/admin/audit${path}`);
    return response?.status() ?? 0;
  }

  async title(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  /** The chain's state, as term → description. */
  async chainState(): Promise<Record<string, string>> {
    return this.page
      .locator('section', { has: this.page.locator('#chain-heading') })
      .locator('dl')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('.summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim(),
          ]),
        ),
      );
  }

  async entries(): Promise<ListedEntry[]> {
    return this.page.locator('table#entries tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const [seq = '', when = '', who = '', what = '', why = ''] = [...row.children].map((c) =>
          (c as HTMLElement).innerText.trim().replace(/\s+/g, ' '),
        );
        return { seq, when, who, what, why };
      }),
    );
  }

  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async press(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button }).click();
    await this.page.waitForLoadState();
  }

  async follow(link: string): Promise<void> {
    await this.page.getByRole('link', { name: link, exact: true }).first().click();
    await this.page.waitForLoadState();
  }

  /** The status message or alert that "verify now" answers with. */
  async verification(): Promise<string> {
    return (await this.page.locator('#verification').innerText()).replace(/\s+/g, ' ').trim();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }

  /** Every entry of a holder's or a code's trail, newest first. */
  async details(): Promise<EntryDetail[]> {
    return this.page.locator('section.audit-entry').evaluateAll((sections) =>
      sections.map((section) => ({
        heading: section.querySelector<HTMLElement>('h2')!.innerText.trim(),
        facts: Object.fromEntries(
          [...section.querySelectorAll('.summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim().replace(/\s+/g, ' '),
          ]),
        ),
        changes: [...section.querySelectorAll('tbody tr')].map((row) =>
          [...row.children].map((c) => (c as HTMLElement).innerText.trim()),
        ),
      })),
    );
  }
}
