import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/**
 * The back office's review pages as a reviewer uses them: the queue (`/{lang}/admin`), an
 * application (`/{lang}/admin/applications/{id}`) and its decision pages (approve, reject, ask
 * for more information), each a form with one text area and one button.
 */
export class ReviewPages {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async openQueue(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/admin`);
    return response?.status() ?? 0;
  }

  /** The queue's rows, one line of text each, in the order shown. */
  async queueRows(): Promise<string[]> {
    return this.page.locator('table.review-queue tbody tr').allInnerTexts();
  }

  /** Follows the link of an application in the queue. */
  async openApplication(reference: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('table.review-queue a', { hasText: reference }).click(),
    ]);
  }

  /** The application page's overview as label → value. */
  async overview(): Promise<Record<string, string>> {
    return this.page
      .locator('main > dl.summary-list')
      .first()
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll(':scope > .summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim(),
          ]),
        ),
      );
  }

  /** The automatic checks as label → what they found. */
  async checks(): Promise<Record<string, string>> {
    return this.page
      .locator('section[aria-labelledby="checks-heading"] dl')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll(':scope > .summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim(),
          ]),
        ),
      );
  }

  /** Opens one of the decision pages from the application page: its links, in order. */
  async chooseDecision(which: 'approve' | 'requestInfo' | 'reject'): Promise<void> {
    const index = { approve: 0, requestInfo: 1, reject: 2 }[which];
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('ul.review-decisions a').nth(index).click(),
    ]);
  }

  /** Types the reason, question or note of a decision page and presses its button. */
  async decide(text: string): Promise<void> {
    if (text !== '') await this.page.locator('main form textarea').fill(text);
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('main form button[type="submit"]').click(),
    ]);
  }

  async heading(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  async notice(): Promise<string> {
    return this.page.locator('.notice[role="status"]').innerText();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }
}
