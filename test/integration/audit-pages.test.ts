import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendAudit } from '../../src/db/repositories/audit-log.ts';
import { CookieJar, csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';

/** The numbers of the entries listed in the table, in page order. */
function listedSeqs(html: string): number[] {
  const table = html.slice(html.indexOf('<table id="entries"'), html.indexOf('</table>'));
  return [...table.matchAll(/<th scope="row">([\d,.\s\u202f\u00a0]+)<\/th>/g)].map((m) =>
    Number((m[1] ?? '').replace(/\D/g, '')),
  );
}

function linkTo(html: string, text: string): string {
  const match = new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no link "${text}"`);
  return match[1].replaceAll('&amp;', '&');
}

const decode = (html: string) => html.replaceAll('&amp;', '&');

for (const dialect of DIALECTS) {
  describe(`the audit pages on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let reviewer: TestStaff;
    let abelId: string;
    let entries: number;
    before(async () => {
      app = await createTestApp({ dialect, seed: true });
      reviewer = await createStaff(app, { role: 'reviewer', email: 'rita@registry.test' });
      abelId = (
        await app.db
          .selectFrom('holder')
          .select('id')
          .where('legal_name', '=', 'Abel & Co')
          .executeTakeFirstOrThrow()
      ).id;
      // A staff decision about Abel's code, as the lifecycle writes it.
      await app.db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: '2027-02-03T09:30:00.000Z',
          actor: { type: 'staff', id: reviewer.id, label: reviewer.email },
          action: 'code.suspended',
          subject: { type: 'code', id: 'NLABL' },
          holderId: abelId,
          codeKey: 'NLABL',
          reason: 'Annual fee unpaid for 2027.',
          before: { status: 'active' },
          after: { status: 'suspended' },
        }),
      );
      entries = (await app.backOffice.audit.reader.state()).entries;
    });
    after(() => app.close());

    const get = (url: string) => getPage(app, reviewer.jar, url);

    it('is for staff only: anonymous visitors are sent to the staff sign-in', async () => {
      for (const url of [
        '/en/admin/audit',
        `/en/admin/audit/holders/${abelId}`,
        '/en/admin/audit/codes/NLABL',
      ]) {
        const response = await getPage(app, new CookieJar(), url);
        assert.equal(response.statusCode, 303, url);
        assert.match(String(response.headers.location), /^\/en\/admin\/sign-in\?next=/);
      }
    });

    it('shows the chain state and the newest entries, paginated both ways', async () => {
      const page = await get('/en/admin/audit');
      assert.equal(page.statusCode, 200);
      const state = await app.backOffice.audit.reader.state();
      assert.match(page.body, new RegExp(`<dd>${entries.toLocaleString('en')}</dd>`));
      assert.ok(page.body.includes(`${state.head?.seq}:${state.head?.hash}`), 'the head hash');
      const first = listedSeqs(page.body);
      assert.equal(first.length, 50);
      assert.equal(first[0], entries, 'newest first');
      assert.deepEqual(
        first,
        [...first].sort((a, b) => b - a),
      );
      assert.match(page.body, /Staff member rita@registry\.test/);
      assert.match(page.body, /Annual fee unpaid for 2027\./);
      const older = await get(linkTo(page.body, 'Older entries'));
      const second = listedSeqs(older.body);
      assert.equal(second[0], (first.at(-1) ?? 0) - 1, 'the next page starts right after');
      const newer = await get(linkTo(older.body, 'Newer entries'));
      assert.deepEqual(listedSeqs(newer.body), first);
      assert.ok(!newer.body.includes('Newer entries'), 'nothing is newer than the newest');
    });

    it('filters by action, by who made the change and by day', async () => {
      const created = await get('/en/admin/audit?action=holder.created');
      assert.equal(created.statusCode, 200);
      assert.match(
        created.body,
        /<option value="holder.created" selected>Holder created<\/option>/,
      );
      const rows = listedSeqs(created.body);
      assert.equal(rows.length, 50);
      assert.equal((created.body.match(/<strong>Holder created<\/strong>/g) ?? []).length, 50);
      const byStaff = await get('/en/admin/audit?actor=staff&who=RITA@registry.test');
      assert.equal(listedSeqs(byStaff.body).length, 1);
      assert.match(byStaff.body, /Code suspended/);
      const byCli = await get('/en/admin/audit?actor=cli');
      assert.match(byCli.body, /No entry matches these filters\./);
      const byDay = await get('/en/admin/audit?from=2027-02-03&to=2027-02-03');
      assert.equal(listedSeqs(byDay.body).length, 1);
      const dayAfter = await get('/en/admin/audit?from=2027-02-04');
      assert.match(dayAfter.body, /No entry matches/);
    });

    it('wrong filters get a translated error, never a 5xx', async () => {
      const cases: [string, RegExp][] = [
        ['?from=2027-02-30', /Enter a real day as year-month-day/],
        [
          '?from=2027-02-03&to=2027-02-01',
          /The last day must be the same as or after the first day/,
        ],
        ['?actor=robot', /Choose who made the change from the list/],
        [`?action=${'x'.repeat(61)}`, /An action has at most 60 characters/],
        ['?older=abc', /This page link is not valid any more/],
        ['?older=5&newer=9', /This page link is not valid any more/],
        ['?newer=2147483648', /This page link is not valid any more/],
      ];
      for (const [query, message] of cases) {
        const page = await get(`/en/admin/audit${query}`);
        assert.equal(page.statusCode, 400, query);
        assert.match(page.body, message, query);
        assert.match(page.body, /<title>Error: Audit trail/, query);
      }
      const french = await get('/fr/admin/audit?to=demain');
      assert.equal(french.statusCode, 400);
      assert.match(french.body, /Saisissez un jour réel/);
    });

    it('"verify now" proves the chain intact, then names an entry edited in the database', async () => {
      const page = await get('/en/admin/audit');
      const intact = await postForm(app, reviewer.jar, '/en/admin/audit', {
        _csrf: csrfOf(page.body),
      });
      assert.equal(intact.statusCode, 200);
      assert.match(
        intact.body,
        /The chain is intact: every entry was checked, from entry 1 to entry/,
      );
      const head = await app.backOffice.audit.reader.head();
      const anchored = await postForm(app, reviewer.jar, '/en/admin/audit', {
        _csrf: csrfOf(intact.body),
        expected: `${head.seq}:${head.hash}`,
      });
      assert.match(anchored.body, /The head written down earlier was found unchanged/);
      const badHead = await postForm(app, reviewer.jar, '/en/admin/audit', {
        _csrf: csrfOf(anchored.body),
        expected: '12:beef',
      });
      assert.equal(badHead.statusCode, 400);
      assert.match(
        badHead.body,
        /Enter the head as the entry number, a colon and the 64-character hash/,
      );
      const noToken = await postForm(app, reviewer.jar, '/en/admin/audit', {});
      assert.equal(noToken.statusCode, 403);

      await app.db
        .updateTable('audit_entry')
        .set({ reason: 'Tampered' })
        .where('seq', '=', 7)
        .execute();
      try {
        const broken = await postForm(app, reviewer.jar, '/en/admin/audit', {
          _csrf: csrfOf(badHead.body),
        });
        assert.equal(broken.statusCode, 200);
        assert.match(broken.body, /The chain is broken at entry 7/);
        assert.match(
          broken.body,
          /Entry 7 \(.+, written .+\) was altered: it no longer matches its own hash/,
        );
        assert.match(broken.body, /Entries 1 to 6 were checked and are intact\./);
      } finally {
        await app.db
          .updateTable('audit_entry')
          .set({ reason: 'Imported from benelux-idro-register-export.csv.' })
          .where('seq', '=', 7)
          .execute();
      }
    });

    it("a holder's trail: every entry about it and its codes, with who, when, why and the fields", async () => {
      const page = await get(`/en/admin/audit/holders/${abelId}`);
      assert.equal(page.statusCode, 200);
      const html = decode(page.body);
      assert.match(html, /<h1>Audit trail of Abel & Co<\/h1>/);
      const headings = [...html.matchAll(/<h2 id="entry-\d+">Entry [\d,]+: ([^<]+)<\/h2>/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(headings, ['Code suspended', 'Code created', 'Holder created']);
      assert.match(html, /Staff member rita@registry\.test/);
      assert.match(html, /Annual fee unpaid for 2027\./);
      assert.match(html, /<th scope="row">Status<\/th><td>Active<\/td><td>Suspended<\/td>/);
      assert.match(
        html,
        /<th scope="row">Legal name<\/th><td>\(not set\)<\/td><td>Abel & Co<\/td>/,
      );
      assert.match(
        html,
        /<th scope="row">Website<\/th><td>\(not set\)<\/td><td>https:\/\/www\.abelenco\.nl<\/td>/,
      );
      const dutch = await get(`/nl/admin/audit/holders/${abelId}`);
      assert.match(decode(dutch.body), /<h1>Audittrail van Abel & Co<\/h1>/);
      assert.match(dutch.body, /Code geschorst/);
    });

    it("a code's trail, at one URL per code; an unknown holder or code is not found", async () => {
      const page = await get('/de/admin/audit/codes/NLABL');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Prüfpfad des Codes NL\*ABL<\/h1>/);
      assert.match(page.body, /Status: Aktiv/);
      assert.match(page.body, /href="\/de\/register\/NL\/ABL"/);
      assert.match(page.body, new RegExp(`href="/de/admin/audit/holders/${abelId}"`));
      const headings = [
        ...page.body.matchAll(/<h2 id="entry-\d+">Eintrag [\d.]+: ([^<]+)<\/h2>/g),
      ].map((m) => m[1]);
      assert.deepEqual(headings, ['Code ausgesetzt', 'Code angelegt']);
      const spelled = await get('/en/admin/audit/codes/nl-abl');
      assert.equal(spelled.statusCode, 301);
      assert.equal(spelled.headers.location, '/en/admin/audit/codes/NLABL');
      const free = await get('/en/admin/audit/codes/BEQQQ');
      assert.equal(free.statusCode, 200);
      assert.match(free.body, /This code is not in the register\./);
      assert.match(free.body, /The trail has no entry about it yet\./);
      for (const url of [
        '/en/admin/audit/codes/DEABC',
        '/en/admin/audit/codes/nonsense',
        '/en/admin/audit/holders/00000000-0000-0000-0000-000000000000',
        `/en/admin/audit/holders/${'x'.repeat(60)}`,
      ]) {
        const missing = await get(url);
        assert.equal(missing.statusCode, 404, url);
      }
    });
  });
}
