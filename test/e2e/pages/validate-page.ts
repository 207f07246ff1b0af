import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

/** One row of the results table, as a reader sees it. */
export interface ResultRow {
  readonly input: string;
  readonly verdict: string;
  readonly kind: string;
  readonly normalized: string;
  readonly display: string;
  readonly explanation: string;
}

/** The validation tool, driven the way a reader uses it: type, choose, submit, read. */
export class ValidatePage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(lang: Language, query = ''): Promise<void> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/tools/validate${query}`);
    if (response?.status() !== 200) throw new Error(`page answered ${response?.status()}`);
  }

  async enterIds(ids: readonly string[]): Promise<void> {
    await this.page.locator('#ids').fill(ids.join('\n'));
  }

  async chooseKind(kind: string): Promise<void> {
    await this.page.locator('#kind').selectOption(kind);
  }

  /** Submits the form and waits for the page it answers with. */
  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('form button[type="submit"]').click(),
    ]);
  }

  async typedText(): Promise<string> {
    return this.page.locator('#ids').inputValue();
  }

  async results(): Promise<ResultRow[]> {
    return this.page.locator('table.results tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.children].map((cell) => (cell as HTMLElement).innerText.trim());
        const [
          input = '',
          verdict = '',
          kind = '',
          normalized = '',
          display = '',
          explanation = '',
        ] = cells;
        return { input, verdict, kind, normalized, display, explanation };
      }),
    );
  }

  /** The counts above the table, e.g. `{ Checked: '3', Valid: '2', Invalid: '1' }`. */
  async counts(): Promise<Record<string, string>> {
    return this.page.locator('dl.result-counts').evaluate((list) => {
      const terms = [...list.querySelectorAll('dt')].map((dt) => dt.textContent);
      const values = [...list.querySelectorAll('dd')].map((dd) => dd.textContent);
      return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
    });
  }

  async errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.error-summary a[href="#ids"]').allInnerTexts();
  }

  /**
   * The id or class of the element that has focus. The browser applies `autofocus` at a rendering
   * update, which may come after the load event, so this waits (up to 2 s) for the focus to leave
   * the body before it looks; a page that focuses nothing answers the body's class.
   */
  async focused(): Promise<string> {
    await this.page
      .waitForFunction(() => document.activeElement !== document.body, undefined, {
        timeout: 2000,
      })
      .catch(() => undefined);
    return this.page.evaluate(() => {
      const active = document.activeElement;
      return active === null ? '' : active.id || active.className;
    });
  }
}
