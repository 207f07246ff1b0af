import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/** The sign-in page, the page a mailed link opens, and the account pages behind them. */
export class SignInPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/sign-in`);
    return response?.status() ?? 0;
  }

  async requestLink(email: string): Promise<void> {
    await this.page.locator('#email').fill(email);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  /** Opens a mailed link and presses its sign-in button. */
  async followLink(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  async goto(path: string): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}${path}`);
    return response?.status() ?? 0;
  }

  async heading(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }
}
