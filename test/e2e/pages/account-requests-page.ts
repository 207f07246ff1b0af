import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/**
 * `/{lang}/account/requests` and its three forms (`termination`, `details`, `transfer`): what a
 * holder asks of the registry, and what became of it.
 */
export class AccountRequestsPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language, form?: 'termination' | 'details' | 'transfer'): Promise<number> {
    const path = form === undefined ? '/account/requests' : `/account/requests/${form}`;
    const response = await this.page.goto(`${this.baseUrl}/${lang}${path}`);
    return response?.status() ?? 0;
  }

  async fill(id: string, value: string): Promise<void> {
    await this.page.locator(`#${id}`).fill(value);
  }

  async choose(name: string, value: string): Promise<void> {
    await this.page.locator(`input[name="${name}"][value="${value}"]`).check();
  }

  async send(): Promise<void> {
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }

  async notice(): Promise<string> {
    return this.page.locator('main .notice').innerText();
  }

  /** The requests table: one row of cell texts per request, newest first. */
  async rows(): Promise<string[][]> {
    return this.page
      .locator('main table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((c) => (c as HTMLElement).innerText.trim())),
      );
  }
}
