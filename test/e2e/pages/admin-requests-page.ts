import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/**
 * `/{lang}/admin/requests`: proposals waiting for a second admin (one section each, with its
 * approve, reject or cancel forms), scheduled withdrawals, and the holders' requests.
 */
export class AdminRequestsPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/admin/requests`);
    return response?.status() ?? 0;
  }

  /** The section of the request whose heading names the code (`Transfer of BE*ABC`). */
  request(title: string) {
    return this.page.locator('section.lifecycle-request', {
      has: this.page.getByRole('heading', { name: title, exact: true }),
    });
  }

  async buttons(title: string): Promise<string[]> {
    return this.request(title).locator('button[type="submit"]').allInnerTexts();
  }

  async text(title: string): Promise<string> {
    return this.request(title).innerText();
  }

  /** Presses the button (`Approve for BE*ABC`) of a request, with a note when given. */
  async decide(title: string, button: string, note?: string): Promise<void> {
    const form = this.request(title).locator('form', {
      has: this.page.getByRole('button', { name: button, exact: true }),
    });
    if (note !== undefined) await form.locator('textarea[name="note"]').fill(note);
    await form.getByRole('button', { name: button, exact: true }).click();
    await this.page.waitForLoadState();
  }

  /** The CSRF token of any form of the page, to forge a request with it. */
  async csrf(): Promise<string> {
    return (await this.page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
  }

  async notice(): Promise<string> {
    return this.page.locator('main .notice').innerText();
  }

  /** The holders' requests in the queue: their references. */
  async holderReferences(): Promise<string[]> {
    return this.page
      .locator('section[aria-labelledby="holder-heading"] tbody th a')
      .allInnerTexts();
  }
}
