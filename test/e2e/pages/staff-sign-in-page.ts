import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';
import { totpCode, type TestStaff } from '../../support/staff.ts';

/**
 * `/{lang}/admin/sign-in`: e-mail, password and the six-digit code of the authenticator app, in
 * one form (fields `#email`, `#password`, `#code`).
 */
export class StaffSignInPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/admin/sign-in`);
    return response?.status() ?? 0;
  }

  async fill(email: string, password: string, code: string): Promise<void> {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#password').fill(password);
    await this.page.locator('#code').fill(code);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  /** Signs in as a staff member with its password and a fresh code from its TOTP secret. */
  async signInAs(lang: Language, staff: TestStaff): Promise<void> {
    await this.open(lang);
    await this.fill(staff.email, staff.password, await totpCode(staff.totpSecret));
  }
}
