import type { Page } from 'playwright-core';

/** `/{lang}/admin/enrol/{token}`: choose a password, then register the authenticator app. */
export class StaffEnrolPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(link: string): Promise<number> {
    const response = await this.page.goto(link);
    return response?.status() ?? 0;
  }

  async choosePassword(password: string, confirmation = password): Promise<void> {
    await this.page.locator('#password').fill(password);
    await this.page.locator('#confirmation').fill(confirmation);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }

  /** The secret as the page writes it out for typing into an app, without its spaces. */
  async secret(): Promise<string> {
    return (await this.page.locator('#totp-secret').innerText()).replace(/\s/g, '');
  }

  /** The QR code's text alternative. */
  async qrLabel(): Promise<string | null> {
    return this.page.locator('.qr-code svg').getAttribute('aria-label');
  }

  async confirm(code: string): Promise<void> {
    await this.page.locator('#code').fill(code);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
  }
}
