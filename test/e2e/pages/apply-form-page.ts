import type { Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';

export type StepName = 'request' | 'company' | 'applicant' | 'invoice';

/** The application's intro and its four steps, driven as an applicant does: fill, continue, read. */
export class ApplyFormPage {
  readonly page: Page;
  private readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async openIntro(lang: Language): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/${lang}/apply`);
    return response?.status() ?? 0;
  }

  /** Presses the intro's start button; lands on step 1 of a new draft. */
  async start(): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/apply\/[\w-]+\/request$/),
      this.page.locator('main form button[type="submit"]').click(),
    ]);
  }

  /** Follows the intro's "continue application …" link of the draft in progress. */
  async resume(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('main section.notice a').first().click(),
    ]);
  }

  /** The id of the application in the current URL. */
  applicationId(): string {
    return /\/apply\/([\w-]+)\//.exec(this.page.url())?.[1] ?? '';
  }

  stepOfUrl(): string {
    return /\/apply\/[\w-]+\/(\w+)/.exec(this.page.url())?.[1] ?? '';
  }

  async heading(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  async stepCount(): Promise<string> {
    return this.page.locator('.apply-step-count').innerText();
  }

  async currentStepName(): Promise<string> {
    return this.page.locator('.apply-steps [aria-current="step"]').innerText();
  }

  async chooseRole(role: 'CPO' | 'EMSP' | 'BOTH' | 'LOCATION_OWNER'): Promise<void> {
    await this.page.locator(`input[name="role"][value="${role}"]`).check();
  }

  async chooseCountries(countries: readonly string[]): Promise<void> {
    for (const box of await this.page.locator('input[name="countries"]').all()) {
      const value = (await box.getAttribute('value')) ?? '';
      await box.setChecked(countries.includes(value));
    }
  }

  /** Fills a field by its id (`request-code`, `company-legalName`…), typing like a person. */
  async fill(id: string, value: string): Promise<void> {
    await this.page.locator(`#${id}`).fill(value);
  }

  async select(id: string, value: string): Promise<void> {
    await this.page.locator(`select#${id}`).selectOption(value);
  }

  async fillAll(step: StepName, values: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const id = `${step}-${name}`;
      const isSelect = (await this.page.locator(`select#${id}`).count()) > 0;
      if (isSelect) await this.select(id, value);
      else await this.fill(id, value);
    }
  }

  async attachExtract(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('#company-registryExtract').setInputFiles(file);
  }

  async value(id: string): Promise<string> {
    return this.page.locator(`#${id}`).inputValue();
  }

  async checkedCountries(): Promise<string[]> {
    return this.page
      .locator('input[name="countries"]:checked')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
  }

  async saveAndContinue(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('form.apply-form > button[type="submit"]').click(),
    ]);
  }

  /** The request was saved, but its code is held abroad: read the warning and go on. */
  async continueIfWarned(): Promise<string | undefined> {
    if (this.stepOfUrl() !== 'request') return undefined;
    const notice = this.page.locator('main .notice[role="status"]');
    if ((await notice.count()) === 0) return undefined;
    const text = await notice.innerText();
    await Promise.all([this.page.waitForEvent('load'), notice.locator('a').click()]);
    return text;
  }

  async back(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.locator('.back-link a').click()]);
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.error-summary li').allInnerTexts();
  }

  /** Follows a summary link; answers the id of the element that then has the focus. */
  async followError(index: number): Promise<string> {
    await this.page.locator('.error-summary a').nth(index).click();
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  async fieldError(id: string): Promise<string> {
    return this.page.locator(`#${id}-error`).innerText();
  }

  /** The live region beside the code field, once it says something other than "checking". */
  async availability(expected: RegExp): Promise<string> {
    const region = this.page.locator('#availability');
    await region.filter({ hasText: expected }).waitFor({ timeout: 5000 });
    return region.innerText();
  }

  async alternatives(): Promise<string[]> {
    return this.page
      .locator('#availability .use-code')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }

  async useAlternative(index: number): Promise<void> {
    await this.page.locator('#availability .use-code').nth(index).click();
  }
}
