import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/** One row of the register's results table, as a reader sees it. */
export interface RegisterRow {
  readonly id: string;
  readonly otherForm: string;
  readonly holder: string;
  readonly roles: string;
  readonly status: string;
  readonly validFrom: string;
}

/** The register search, driven the way a reader uses it: type, choose, submit, read, page on. */
export class RegisterPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens the page; returns its HTTP status (400 when the query holds bad values). */
  async open(lang: Language, query = ''): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/register${query}`);
    return response?.status() ?? 0;
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: await this.labelOf('q') }).fill(text);
  }

  /** Chooses a filter value by the text of its option, as a reader would. */
  async choose(filter: 'country' | 'role' | 'status', optionText: string): Promise<void> {
    await this.page.locator(`select#${filter}`).selectOption({ label: optionText });
  }

  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('form.register-search button[type="submit"]').click(),
    ]);
  }

  async results(): Promise<RegisterRow[]> {
    // No named helpers inside: the callback runs in the page, without the test's module scope.
    return this.page.locator('table.register-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const [head, holder, roles, status, validFrom] = [...row.children] as HTMLElement[];
        return {
          id: head?.querySelector('a')?.textContent ?? '',
          otherForm: head?.querySelector('.id-alternative')?.textContent ?? '',
          holder: holder?.innerText.trim() ?? '',
          roles: roles?.innerText.trim() ?? '',
          status: status?.innerText.trim() ?? '',
          validFrom: validFrom?.innerText.trim() ?? '',
        };
      }),
    );
  }

  async caption(): Promise<string> {
    return this.page.locator('table.register-table caption').innerText();
  }

  async noResultsHeading(): Promise<string | null> {
    const heading = this.page.locator('#results.notice h2');
    return (await heading.count()) === 0 ? null : heading.innerText();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li a').allInnerTexts();
  }

  /** Follows a pagination link by its text ("Next page", "Back to the first page"). */
  async followPageLink(text: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('nav.pagination').getByRole('link', { name: text }).click(),
    ]);
  }

  async openParty(id: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page
        .locator('table.register-table')
        .getByRole('link', { name: id, exact: true })
        .click(),
    ]);
  }

  async selected(filter: 'country' | 'role' | 'status'): Promise<string> {
    return this.page.locator(`select#${filter}`).inputValue();
  }

  private async labelOf(id: string): Promise<string> {
    return this.page.locator(`label[for="${id}"]`).innerText();
  }
}
