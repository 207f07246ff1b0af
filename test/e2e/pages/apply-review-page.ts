import type { Page } from 'playwright-core';

/** The review, the confirmation and the account overview, as the applicant reads them. */
export class ApplyReviewPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** A step's summary list as label → value. */
  async summary(step: string): Promise<Record<string, string>> {
    return this.page
      .locator(`section[aria-labelledby="summary-${step}"] dl`)
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('.summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim(),
          ]),
        ),
      );
  }

  async acceptTerms(): Promise<void> {
    await this.page.locator('#acceptTerms').check();
  }

  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('section[aria-labelledby="terms-heading"] button[type="submit"]').click(),
    ]);
  }

  async reference(): Promise<string> {
    return this.page.locator('.apply-reference').innerText();
  }

  async mainText(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The account page's applications table: one line of text per row. */
  async applicationRows(): Promise<string[]> {
    return this.page.locator('table.apply-table tbody tr').allInnerTexts();
  }

  async withdraw(reference: string): Promise<void> {
    const row = this.page.locator('table.apply-table tbody tr', { hasText: reference });
    await Promise.all([
      this.page.waitForEvent('load'),
      row.locator('.apply-actions li').nth(1).locator('a').click(),
    ]);
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('main form button[type="submit"]').click(),
    ]);
  }

  async notice(): Promise<string> {
    return this.page.locator('.notice[role="status"]').innerText();
  }
}
