import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/**
 * The back office's code pages: `/{lang}/admin/codes` (find a code) and
 * `/{lang}/admin/codes/{key}` (the code, with a form per operation, each in its own section).
 */
export class AdminCodesPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language, key?: string): Promise<number> {
    const path = key === undefined ? '/admin/codes' : `/admin/codes/${key}`;
    const response = await this.page.goto(`${this.baseUrl}/${lang}${path}`);
    return response?.status() ?? 0;
  }

  async search(query: string): Promise<void> {
    await this.page.locator('#q').fill(query);
    await this.page.locator('main form[role="search"] button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  /** The party IDs found, in order. */
  async results(): Promise<string[]> {
    return this.page.locator('main table tbody th a').allInnerTexts();
  }

  /** Follows the result whose party ID is `id` (`BE*ABC`). */
  async openResult(id: string): Promise<void> {
    await this.page.locator('main table tbody th a', { hasText: id }).click();
    await this.page.waitForLoadState();
  }

  /** The section of one operation (`suspend`, `withdraw`, `transfer`, …). */
  private section(op: string) {
    return this.page.locator(`section[aria-labelledby="${op}-heading"]`);
  }

  async hasOperation(op: string): Promise<boolean> {
    return (await this.section(op).count()) > 0;
  }

  /** Proposes a transfer to a holder the register has, named by one of its codes. */
  async proposeTransferTo(toCode: string, publicReason: string, reason: string): Promise<void> {
    const form = this.section('transfer');
    await form.locator('input[name="target"][value="existing"]').check();
    await form.locator('#transfer-toCode').fill(toCode);
    await form.locator('#transfer-publicReason').selectOption(publicReason);
    await form.locator('#transfer-reason').fill(reason);
    await form.locator('button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  /** Runs an operation that needs only its reasons (`suspend`, `reinstate`). */
  async operate(op: string, publicReason: string, reason: string): Promise<void> {
    const form = this.section(op);
    await form.locator(`#${op}-publicReason`).selectOption(publicReason);
    await form.locator(`#${op}-reason`).fill(reason);
    await form.locator('button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  async notice(): Promise<string> {
    return this.page.locator('main .notice').innerText();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }

  /** The summary of the code: term → description. */
  async summary(): Promise<Record<string, string>> {
    return this.page
      .locator('main > dl.summary-list')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('.summary-row')].map((row) => [
            row.querySelector<HTMLElement>('dt')!.innerText.trim(),
            row.querySelector<HTMLElement>('dd')!.innerText.trim(),
          ]),
        ),
      );
  }
}
