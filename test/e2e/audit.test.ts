import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { appendAudit } from '../../src/db/repositories/audit-log.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { AuditTrailPage } from './pages/audit-trail-page.ts';
import { StaffSignInPage } from './pages/staff-sign-in-page.ts';

describe('the audit trail in Chromium', { skip: browserSkip() }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let audit: AuditTrailPage;
  let reviewer: TestStaff;

  before(async () => {
    app = await createTestApp({ seed: true });
    reviewer = await createStaff(app, { role: 'reviewer', email: 'rita@registry.test' });
    const abel = await app.db
      .selectFrom('holder')
      .select('id')
      .where('legal_name', '=', 'Abel & Co')
      .executeTakeFirstOrThrow();
    await app.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: '2027-02-03T09:30:00.000Z',
        actor: { type: 'staff', id: reviewer.id, label: reviewer.email },
        action: 'code.suspended',
        subject: { type: 'code', id: 'NLABL' },
        holderId: abel.id,
        codeKey: 'NLABL',
        reason: 'Annual fee unpaid for 2027.',
        before: { status: 'active' },
        after: { status: 'suspended' },
      }),
    );
    browser = await openBrowser(app);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    audit = new AuditTrailPage(page, browser.baseUrl);
    await new StaffSignInPage(page, browser.baseUrl).signInAs('en', reviewer);
  });
  after(() => browser.close());

  it('a reviewer sees the chain, the newest entries, and verifies the chain', async () => {
    assert.equal(await audit.open('en'), 200);
    const state = await audit.chainState();
    const head = await app.backOffice.audit.reader.head();
    assert.equal(state.Entries, head.seq.toLocaleString('en'));
    assert.equal(state.Head, `Entry ${head.seq.toLocaleString('en')} ${head.seq}:${head.hash}`);
    const [newest] = await audit.entries();
    assert.deepEqual(newest, {
      seq: head.seq.toLocaleString('en'),
      when: 'February 3, 2027 at 9:30:00 AM UTC',
      who: 'Staff member rita@registry.test',
      what: 'Code suspended Code NL*ABL Holder Abel & Co',
      why: 'Annual fee unpaid for 2027.',
    });
    assert.deepEqual(await axeViolations(page), []);
    await audit.press('Verify the chain now');
    assert.match(await audit.verification(), /^The chain is intact: every entry was checked/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('filters the entries, and explains a wrong filter beside its field', async () => {
    await audit.open('en');
    await audit.choose('Action', 'Holder created');
    await audit.choose('Made by', 'The service');
    await audit.press('Show entries');
    const entries = await audit.entries();
    assert.equal(entries.length, 50);
    assert.ok(entries.every((e) => e.what.startsWith('Holder created')));
    assert.ok(entries.every((e) => e.who === 'The service (first-start seed)'));
    assert.deepEqual(await axeViolations(page), []);
    await audit.fill('From', 'yesterday');
    await audit.press('Show entries');
    assert.deepEqual(await audit.errorSummary(), [
      'Enter a real day as year-month-day, for example 2026-11-27.',
    ]);
    assert.deepEqual(await axeViolations(page), []);
  });

  it("reads a holder's trail, then a code's: who, when, why, and the fields before and after", async () => {
    await audit.open('en');
    await audit.follow('Holder Abel & Co');
    assert.equal(await audit.title(), 'Audit trail of Abel & Co');
    const [suspended, created] = await audit.details();
    assert.equal(
      suspended?.heading,
      `Entry ${(await app.backOffice.audit.reader.head()).seq.toLocaleString('en')}: Code suspended`,
    );
    assert.deepEqual(suspended.facts, {
      When: 'February 3, 2027 at 9:30:00 AM UTC',
      Who: 'Staff member rita@registry.test',
      About: 'Code NL*ABL Holder Abel & Co',
      Why: 'Annual fee unpaid for 2027.',
    });
    assert.deepEqual(suspended.changes, [['Status', 'Active', 'Suspended']]);
    assert.match(created?.heading ?? '', /: Code created$/);
    assert.deepEqual(created?.changes, [
      ['Holder', '(not set)', 'Abel & Co'],
      ['Status', '(not set)', 'Active'],
      ['Roles', '(not set)', 'CPO'],
    ]);
    assert.deepEqual(await axeViolations(page), []);

    await audit.follow('Code NL*ABL');
    assert.equal(await audit.title(), 'Audit trail of code NL*ABL');
    assert.deepEqual(
      (await audit.details()).map((d) => d.heading.replace(/^Entry [\d,]+: /, '')),
      ['Code suspended', 'Code created'],
    );
    assert.deepEqual(await axeViolations(page), []);
    await audit.follow('Audit trail of the holder');
    assert.equal(await audit.title(), 'Audit trail of Abel & Co');
  });

  it('the pages read the same in French, and a tampered row shows as a broken chain', async () => {
    await audit.open('fr');
    await audit.follow('Titulaire Abel & Co');
    assert.equal(await audit.title(), 'Piste d’audit : Abel & Co');
    assert.deepEqual(await axeViolations(page), []);
    await app.db
      .updateTable('audit_entry')
      .set({ reason: 'Rewritten' })
      .where('seq', '=', 3)
      .execute();
    await audit.open('fr');
    await audit.press('Vérifier la chaîne maintenant');
    assert.match(
      await audit.verification(),
      /^La chaîne est rompue à l’entrée 3 L’entrée 3 \(.+\) a été altérée/,
    );
    assert.deepEqual(await axeViolations(page), []);
  });
});
