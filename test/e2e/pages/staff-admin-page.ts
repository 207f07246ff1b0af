import type { Page } from 'playwright-core';

/** The back office's own-account and staff-management pages. */
export class StaffAdminPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
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

  /** On `/{lang}/admin/staff`: adds a member; answers the enrolment link shown once. */
  async addMember(email: string, role: 'reviewer' | 'admin', lang: string): Promise<string> {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#role').selectOption(role);
    await this.page.locator('#lang').selectOption(lang);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForLoadState();
    return this.page.locator('#enrolment-link').innerText();
  }

  /** Presses a submit button of the page's main content by its visible name. */
  async press(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.waitForLoadState();
  }
}
