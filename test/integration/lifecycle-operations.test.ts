import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrefixLookup } from '../../src/app/register/prefix-lookup.ts';
import { changeCodeStatus } from '../../src/app/lifecycle/code-operations.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { getPage } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import {
  changesAfter,
  feedCursor,
  issueCode,
  operate,
  publicParty,
  resolve,
  stateOf,
  trailOf,
} from '../support/lifecycle.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';

const FEE = {
  publicReason: 'annual_fee_unpaid',
  reason: 'Invoice 2026-17 unpaid after two reminders to Jan Peeters',
};

for (const dialect of DIALECTS) {
  describe(
    `lifecycle: suspend, reinstate, rename, successor (${dialect})`,
    { skip: dialectSkip(dialect) },
    () => {
      let app: TestApp;
      let admin: TestStaff;
      let holderA: string;

      before(async () => {
        app = await createTestApp({ dialect });
        admin = await createStaff(app, { role: 'admin' });
        ({ holderId: holderA } = await issueCode(app, 'BEAAA', {
          legalName: 'Alpha Laadpalen NV',
        }));
        await issueCode(app, 'NLAAA', { id: holderA });
        await issueCode(app, 'BEBBB', { legalName: 'Beta Charge SA' });
      });
      after(() => app.close());

      it('a reason is required: nothing changes without one, and the page says what is missing', async () => {
        const cursor = await feedCursor(app);
        const res = await operate(app, admin.jar, 'BEAAA', 'suspend', {
          publicReason: '',
          reason: ' ',
        });
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /<title>Error: /);
        assert.match(res.body, /href="#suspend-publicReason">Choose the public reason\./);
        assert.match(res.body, /href="#suspend-reason">Say why, for the audit trail\./);
        const free = await operate(app, admin.jar, 'BEAAA', 'suspend', {
          publicReason: 'My neighbour Jan said so',
          reason: 'x',
        });
        assert.equal(free.statusCode, 400, 'a public reason outside the fixed list is refused');
        assert.equal((await publicParty(app, 'BEAAA')).status, 'active');
        assert.deepEqual(await changesAfter(app, cursor), []);
        assert.deepEqual(await trailOf(app, 'BEAAA'), []);
      });

      it('suspend: the register, public history, feed, resolve and audit trail change at once', async () => {
        const cursor = await feedCursor(app);
        assert.equal((await resolve(app, 'BE*AAA*E1')).inForce, true);
        const res = await operate(app, admin.jar, 'BEAAA', 'suspend', FEE);
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/en/admin/codes/BEAAA?done=suspend');

        const party = await publicParty(app, 'BEAAA');
        assert.equal(party.status, 'suspended');
        const last = party.history.at(-1);
        assert.deepEqual(
          { ...last, sequence: 0 },
          {
            sequence: 0,
            type: 'status_changed',
            at: (last as { at: string } | undefined)?.at,
            fromStatus: 'active',
            toStatus: 'suspended',
            reason: 'Annual fee not paid.',
            reasonCode: 'annual_fee_unpaid',
          },
        );
        const changes = await changesAfter(app, cursor);
        assert.deepEqual(
          changes.map((c) => [c.type, c.party.id, c.party.status, c.reasonCode]),
          [['status_changed', 'BEAAA', 'suspended', 'annual_fee_unpaid']],
        );
        const resolved = await resolve(app, 'BE*AAA*E1');
        assert.equal(resolved.inForce, false);
        assert.equal(resolved.party?.status, 'suspended');

        const [entry] = await trailOf(app, 'BEAAA');
        assert.equal(entry?.action, 'code.suspended');
        assert.equal(entry.actorType, 'staff');
        assert.equal(entry.actorId, admin.id);
        assert.equal(entry.actorLabel, admin.email);
        assert.equal(entry.holderId, holderA);
        assert.equal(entry.reason, FEE.reason);
        assert.equal(stateOf(entry.before).status, 'active');
        assert.equal(stateOf(entry.after).status, 'suspended');

        // The admin's own words never reach the public: not in the API, not on the page.
        const api = await app.inject({ method: 'GET', url: '/api/v1/parties/BE/AAA' });
        assert.ok(!api.body.includes('Jan Peeters'));
        const page = await app.inject({ method: 'GET', url: '/fr/register/BE/AAA' });
        assert.match(page.body, /Redevance annuelle impayée/);
        assert.match(page.body, /Modifié de actif à suspendu|actif[^<]*suspendu/);
        assert.ok(!page.body.includes('Jan Peeters'));

        const again = await operate(app, admin.jar, 'BEAAA', 'suspend', FEE);
        assert.equal(again.statusCode, 409, 'a suspended code cannot be suspended again');
        assert.match(again.body, /does not allow this any more/);
      });

      it('reinstate: back in force, with its own event and audit entry', async () => {
        const cursor = await feedCursor(app);
        const res = await operate(app, admin.jar, 'BEAAA', 'reinstate', {
          publicReason: 'annual_fee_paid',
          reason: 'Paid on 2026-12-01, bank statement 44',
        });
        assert.equal(res.statusCode, 303);
        assert.equal((await publicParty(app, 'BEAAA')).status, 'active');
        assert.equal((await resolve(app, 'BE*AAA*E1')).inForce, true);
        const changes = await changesAfter(app, cursor);
        assert.deepEqual(
          changes.map((c) => [c.type, c.toStatus, c.reasonCode]),
          [['status_changed', 'active', 'annual_fee_paid']],
        );
        assert.equal((await trailOf(app, 'BEAAA')).at(-1)?.action, 'code.reinstated');
        const page = await getPage(app, admin.jar, '/en/admin/codes/BEAAA?done=reinstate');
        assert.match(page.body, /The code has been reinstated\./);
      });

      it('rename: the holder changes on every one of its codes, each with a public event', async () => {
        const cursor = await feedCursor(app);
        const res = await operate(app, admin.jar, 'BEAAA', 'rename', {
          legalName: 'Alpha Energy NV',
          tradingName: 'Alpha',
          website: 'www.alpha.example',
          seatCountry: 'BE',
          publicReason: 'name_change',
          reason: 'Deed of 2026-11-20 filed with the Moniteur belge',
        });
        assert.equal(res.statusCode, 303);
        for (const key of ['BEAAA', 'NLAAA']) {
          const party = await publicParty(app, key);
          assert.equal(party.holder.name, 'Alpha Energy NV', key);
          assert.equal(party.holder.tradingName, 'Alpha', key);
          assert.equal(party.history.at(-1)?.type, 'holder_updated', key);
          assert.equal(party.history.at(-1)?.reasonCode, 'name_change', key);
        }
        assert.deepEqual(
          (await changesAfter(app, cursor)).map((c) => [c.party.id, c.party.holder.name]),
          [
            ['BEAAA', 'Alpha Energy NV'],
            ['NLAAA', 'Alpha Energy NV'],
          ],
        );
        assert.equal((await resolve(app, 'NL-AAA')).party?.holder.name, 'Alpha Energy NV');
        const entry = (await app.backOffice.audit.reader.forHolder(holderA, 10))[0];
        assert.equal(entry?.action, 'holder.renamed');
        assert.equal(stateOf(entry.before).legalName, 'Alpha Laadpalen NV');
        assert.equal(stateOf(entry.after).legalName, 'Alpha Energy NV');

        const same = await operate(app, admin.jar, 'BEAAA', 'rename', {
          legalName: 'Alpha Energy NV',
          tradingName: 'Alpha',
          website: 'www.alpha.example',
          seatCountry: 'BE',
          publicReason: 'correction',
          reason: 'No change',
        });
        assert.equal(same.statusCode, 400);
        assert.match(same.body, /Nothing has changed/);
        const bad = await operate(app, admin.jar, 'BEAAA', 'rename', {
          legalName: '',
          website: 'not a website',
          seatCountry: 'XX',
          publicReason: 'name_change',
          reason: 'x',
        });
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /href="#rename-legalName"/);
        assert.match(bad.body, /href="#rename-website"/);
        assert.match(bad.body, /href="#rename-seatCountry"/);
      });

      it('successor: linked publicly, audited; an unknown code or the code itself is refused', async () => {
        const unknown = await operate(app, admin.jar, 'BEBBB', 'successor', {
          successor: 'BE*ZZZ',
          publicReason: 'merger',
          reason: 'x',
        });
        assert.equal(unknown.statusCode, 400);
        assert.match(unknown.body, /The register has no such code\./);
        const itself = await operate(app, admin.jar, 'BEBBB', 'successor', {
          successor: 'be-bbb',
          publicReason: 'merger',
          reason: 'x',
        });
        assert.equal(itself.statusCode, 400);
        const cursor = await feedCursor(app);
        const res = await operate(app, admin.jar, 'BEBBB', 'successor', {
          successor: 'be-aaa',
          publicReason: 'merger',
          reason: 'Beta merged into Alpha, notice of 2026-11-02',
        });
        assert.equal(res.statusCode, 303);
        const party = await publicParty(app, 'BEBBB');
        assert.equal(party.successor, 'BEAAA');
        assert.equal(party.history.at(-1)?.type, 'successor_linked');
        assert.deepEqual(
          (await changesAfter(app, cursor)).map((c) => c.type),
          ['successor_linked'],
        );
        assert.equal((await trailOf(app, 'BEBBB')).at(-1)?.action, 'code.successor_linked');
        const page = await app.inject({ method: 'GET', url: '/nl/register/BE/BBB' });
        assert.match(page.body, /Fusie van de houder/);
        assert.match(page.body, /Opvolgende code gekoppeld/);
      });

      it('an unknown code, or a path that is no party ID, is the 404 page', async () => {
        assert.equal((await getPage(app, admin.jar, '/en/admin/codes/BEZZZ')).statusCode, 404);
        assert.equal(
          (await getPage(app, admin.jar, '/en/admin/codes/%3Cscript%3E')).statusCode,
          404,
        );
        const res = await operate(app, admin.jar, 'BEAAA', 'suspend', FEE).then(() =>
          app.inject({ method: 'GET', url: '/en/admin/codes/BEZZZ/suspend' }),
        );
        assert.equal(res.statusCode, 404);
      });

      it('tells this process’s resolve cache at once, however long it would wait', async () => {
        const reader = createRegisterReader(app.db);
        const lookup = createPrefixLookup(reader, Date.now, {
          checkEveryMs: 3_600_000,
          maxEntries: 10,
        });
        const stop = app.backOffice.lifecycle.changes.subscribe(() => {
          lookup.invalidate();
        });
        try {
          const before = (await lookup.facts('BEBBB')).party?.status;
          assert.equal(before, 'active');
          await changeCodeStatus(
            app.backOffice.lifecycle,
            { ...admin, role: 'admin' },
            'suspend',
            'BEBBB',
            FEE,
          );
          assert.equal((await lookup.facts('BEBBB')).party?.status, 'suspended');
        } finally {
          stop();
        }
      });
    },
  );
}
