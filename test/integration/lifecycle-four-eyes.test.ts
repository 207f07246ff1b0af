import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { approveRequest } from '../../src/app/lifecycle/approve-request.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createLifecycleJob } from '../../src/jobs/lifecycle-job.ts';
import { csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import {
  changesAfter,
  decide,
  feedCursor,
  issueCode,
  latestRequestId,
  operate,
  publicParty,
  resolve,
  stateOf,
  trailOf,
} from '../support/lifecycle.ts';
import { fixedClock } from '../support/register.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';

const NOW = '2026-11-27T10:00:00.000Z';

const actionsOf = async (app: TestApp, key: string) =>
  (await trailOf(app, key)).map((e) => e.action);

for (const dialect of DIALECTS) {
  describe(
    `lifecycle: four eyes, schedule, reviewers (${dialect})`,
    { skip: dialectSkip(dialect) },
    () => {
      const clock = fixedClock(NOW);
      let app: TestApp;
      let admin1: TestStaff;
      let admin2: TestStaff;
      let reviewer: TestStaff;

      before(async () => {
        app = await createTestApp({ dialect, clock });
        admin1 = await createStaff(app, { role: 'admin', email: 'first.admin@registry.test' });
        admin2 = await createStaff(app, { role: 'admin', email: 'second.admin@registry.test' });
        reviewer = await createStaff(app, { role: 'reviewer' });
        const gamma = await issueCode(app, 'BEGGG', { legalName: 'Gamma Mobility BV' });
        await issueCode(app, 'NLGGG', { id: gamma.holderId });
        await issueCode(app, 'BEWWW', { legalName: 'Withdrawn Soon SRL' });
        await issueCode(app, 'BETTT', { legalName: 'Transferred Laden GmbH', seatCountry: 'DE' });
        await issueCode(app, 'LUNNN', { legalName: 'New Owner Lux SA', seatCountry: 'LU' });
        await issueCode(app, 'BESSS', { legalName: 'Scheduled Exit NV' });
      });
      after(() => app.close());

      it('reviewers may look but get 403 on every operation, before anything is read or changed', async () => {
        const look = await getPage(app, reviewer.jar, '/en/admin/codes/BEGGG');
        assert.equal(look.statusCode, 200);
        assert.match(look.body, /Only admins can change codes/);
        assert.ok(!look.body.includes('/en/admin/codes/BEGGG/suspend'));
        assert.equal((await getPage(app, reviewer.jar, '/en/admin/requests')).statusCode, 200);
        assert.equal((await getPage(app, reviewer.jar, '/en/admin/reserved')).statusCode, 403);
        // A valid CSRF token and cookie, so that a 403 can only come from the access check.
        const csrf = csrfOf((await getPage(app, reviewer.jar, '/en/sign-in')).body);
        const posts = [
          ...['suspend', 'reinstate', 'withdraw', 'transfer', 'rename', 'successor'].map(
            (op) => `/en/admin/codes/BEGGG/${op}`,
          ),
          ...['approve', 'reject', 'cancel'].map((d) => `/en/admin/requests/some-id/${d}`),
          '/en/admin/requests/holder/some-id/decline',
          '/en/admin/reserved',
          '/en/admin/reserved/BEGGG/remove',
        ];
        for (const url of posts) {
          const res = await postForm(app, reviewer.jar, url, {
            _csrf: csrf,
            publicReason: 'registry_decision',
            reason: 'trying',
            note: 'trying',
            code: 'BE*QQQ',
          });
          assert.equal(res.statusCode, 403, url);
        }
        assert.equal((await publicParty(app, 'BEGGG')).status, 'active');
        assert.deepEqual(await trailOf(app, 'BEGGG'), []);
      });

      it('a withdrawal waits for a second admin; its proposer can never approve it', async () => {
        const cursor = await feedCursor(app);
        const proposed = await operate(app, admin1.jar, 'BEWWW', 'withdraw', {
          effectiveDate: '2026-11-27',
          publicReason: 'holder_ceased',
          reason: 'Liquidation published 2026-11-20',
        });
        assert.equal(proposed.statusCode, 303);
        assert.equal((await publicParty(app, 'BEWWW')).status, 'active', 'not withdrawn yet');
        assert.deepEqual(await changesAfter(app, cursor), [], 'nothing public yet');
        assert.deepEqual(await actionsOf(app, 'BEWWW'), ['code.withdrawal_proposed']);
        const id = await latestRequestId(app, 'BEWWW');

        const queue = await getPage(app, admin1.jar, '/en/admin/requests');
        assert.match(queue.body, /You proposed this\. Another admin must approve or reject it/);
        assert.ok(!queue.body.includes(`/en/admin/requests/${id}/approve`), 'no approve button');
        const own = await decide(app, admin1.jar, id, 'approve');
        assert.equal(own.statusCode, 403);
        const ownReject = await decide(app, admin1.jar, id, 'reject', { note: 'mine' });
        assert.equal(ownReject.statusCode, 403);
        assert.equal((await publicParty(app, 'BEWWW')).status, 'active');

        const another = await operate(app, admin2.jar, 'BEWWW', 'transfer', {
          target: 'existing',
          toCode: 'BE*GGG',
          publicReason: 'merger',
          reason: 'x',
        });
        assert.equal(another.statusCode, 409, 'one open request per code');

        const approved = await decide(app, admin2.jar, id, 'approve', {
          note: 'Checked the gazette',
        });
        assert.equal(approved.statusCode, 303);
        assert.equal(approved.headers.location, '/en/admin/requests?done=applied');
        const party = await publicParty(app, 'BEWWW');
        assert.equal(party.status, 'withdrawn');
        assert.equal(party.validTo, NOW);
        assert.deepEqual(
          (await changesAfter(app, cursor)).map((c) => [c.type, c.toStatus, c.reasonCode]),
          [['status_changed', 'withdrawn', 'holder_ceased']],
        );
        const resolved = await resolve(app, 'BE*WWW*E1');
        assert.equal(resolved.inForce, false);
        assert.equal(resolved.party?.status, 'withdrawn');
        const trail = await trailOf(app, 'BEWWW');
        assert.deepEqual(
          trail.map((e) => [e.action, e.actorId]),
          [
            ['code.withdrawal_proposed', admin1.id],
            ['code.withdrawal_approved', admin2.id],
            ['code.withdrawn', admin2.id],
          ],
        );
        assert.equal(trail[2]?.reason, 'Liquidation published 2026-11-20');
        const twice = await decide(app, admin2.jar, id, 'approve').catch((e: unknown) => e);
        assert.ok(twice instanceof Error || (twice as { statusCode: number }).statusCode === 409);
      });

      it('a transfer to a holder the register has takes effect only on the second admin’s approval', async () => {
        const cursor = await feedCursor(app);
        const res = await operate(app, admin1.jar, 'BETTT', 'transfer', {
          target: 'existing',
          toCode: 'nl-ggg',
          publicReason: 'acquisition',
          reason: 'Share purchase agreement of 2026-11-01',
        });
        assert.equal(res.statusCode, 303);
        assert.equal((await publicParty(app, 'BETTT')).holder.name, 'Transferred Laden GmbH');
        const id = await latestRequestId(app, 'BETTT');
        assert.equal((await decide(app, admin1.jar, id, 'approve')).statusCode, 403);
        assert.equal((await decide(app, admin2.jar, id, 'approve')).statusCode, 303);
        const party = await publicParty(app, 'BETTT');
        assert.equal(party.holder.name, 'Gamma Mobility BV');
        assert.equal(party.status, 'active');
        assert.equal(party.history.at(-1)?.type, 'holder_changed');
        assert.equal(party.history.at(-1)?.reasonCode, 'acquisition');
        assert.deepEqual(
          (await changesAfter(app, cursor)).map((c) => [c.type, c.party.holder.name]),
          [['holder_changed', 'Gamma Mobility BV']],
        );
        assert.equal((await resolve(app, 'BE*TTT')).party?.holder.name, 'Gamma Mobility BV');
        assert.deepEqual(await actionsOf(app, 'BETTT'), [
          'code.transfer_proposed',
          'code.transfer_approved',
          'code.transferred',
        ]);
        const moved = (await trailOf(app, 'BETTT')).at(-1);
        assert.equal(stateOf(moved?.before).holder?.legalName, 'Transferred Laden GmbH');
        assert.equal(stateOf(moved?.after).holder?.legalName, 'Gamma Mobility BV');
      });

      it('a transfer to a new holder creates it; a rejection changes nothing; proposers cancel', async () => {
        const bad = await operate(app, admin1.jar, 'LUNNN', 'transfer', {
          target: 'new',
          legalName: '',
          publicReason: 'merger',
          reason: 'x',
        });
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /href="#transfer-legalName">Enter the legal name\./);
        assert.equal(
          (
            await operate(app, admin1.jar, 'LUNNN', 'transfer', {
              target: 'existing',
              toCode: 'LU*NNN',
              publicReason: 'merger',
              reason: 'x',
            })
          ).statusCode,
          400,
          'a code cannot be transferred to its own holder',
        );

        const propose = () =>
          operate(app, admin1.jar, 'LUNNN', 'transfer', {
            target: 'new',
            legalName: 'Merged Lux Mobility SA',
            tradingName: 'MLM',
            seatCountry: 'LU',
            website: 'https://mlm.example.lu',
            publicReason: 'merger',
            reason: 'Merger deed 2026-10-30',
          });
        assert.equal((await propose()).statusCode, 303);
        const rejected = await latestRequestId(app, 'LUNNN');
        const noNote = await decide(app, admin2.jar, rejected, 'reject', { note: '' });
        assert.equal(noNote.statusCode, 400);
        assert.match(noNote.body, /Write a note saying why\./);
        assert.equal(
          (await decide(app, admin2.jar, rejected, 'reject', { note: 'Deed not signed yet' }))
            .statusCode,
          303,
        );
        assert.equal((await publicParty(app, 'LUNNN')).holder.name, 'New Owner Lux SA');
        assert.equal((await actionsOf(app, 'LUNNN')).at(-1), 'lifecycle_request.rejected');

        assert.equal((await propose()).statusCode, 303);
        const cancelled = await latestRequestId(app, 'LUNNN');
        const notMine = await decide(app, admin2.jar, cancelled, 'cancel', { note: 'not mine' });
        assert.equal(notMine.statusCode, 403, 'only its proposer cancels a pending proposal');
        assert.equal(
          (await decide(app, admin1.jar, cancelled, 'cancel', { note: 'Typo in the name' }))
            .statusCode,
          303,
        );
        assert.equal((await actionsOf(app, 'LUNNN')).at(-1), 'lifecycle_request.cancelled');

        assert.equal((await propose()).statusCode, 303);
        const approved = await latestRequestId(app, 'LUNNN');
        assert.equal((await decide(app, admin2.jar, approved, 'approve')).statusCode, 303);
        const party = await publicParty(app, 'LUNNN');
        assert.equal(party.holder.name, 'Merged Lux Mobility SA');
        assert.equal(party.holder.tradingName, 'MLM');
        const holder = await app.db
          .selectFrom('holder')
          .select(['source', 'seat_country'])
          .where('legal_name', '=', 'Merged Lux Mobility SA')
          .executeTakeFirstOrThrow();
        assert.deepEqual(holder, { source: 'transfer', seat_country: 'LU' });
      });

      it('a withdrawal for a later day is announced, then applied by the job when the day comes', async (t) => {
        t.after(() => {
          clock.set(NOW);
        });
        const res = await operate(app, admin1.jar, 'BESSS', 'withdraw', {
          effectiveDate: '2027-01-15',
          publicReason: 'annual_fee_unpaid',
          reason: 'Fee 2026 unpaid, final notice sent',
        });
        assert.equal(res.statusCode, 303);
        const id = await latestRequestId(app, 'BESSS');
        const approved = await decide(app, admin2.jar, id, 'approve');
        assert.equal(approved.headers.location, '/en/admin/requests?done=scheduled');
        let party = await publicParty(app, 'BESSS');
        assert.equal(party.status, 'active', 'still in force until its day');
        assert.equal(party.validTo, '2027-01-15T00:00:00.000Z');
        assert.equal(party.history.at(-1)?.type, 'withdrawal_scheduled');
        const page = await app.inject({ method: 'GET', url: '/en/register/BE/SSS' });
        assert.match(page.body, /To be withdrawn on January 15, 2027/);
        assert.match(page.body, /Withdrawal announced/);

        const job = createLifecycleJob({ lifecycle: app.backOffice.lifecycle, everyMs: 60_000 });
        clock.set('2027-01-14T23:59:59.000Z');
        assert.equal(await job.runOnce(), 0, 'not due the day before');
        assert.equal((await publicParty(app, 'BESSS')).status, 'active');
        const cursor = await feedCursor(app);
        clock.set('2027-01-15T00:00:30.000Z');
        assert.equal(await job.runOnce(), 1);
        assert.equal(await job.runOnce(), 0, 'applied once only');
        party = await publicParty(app, 'BESSS');
        assert.equal(party.status, 'withdrawn');
        assert.equal(party.validTo, '2027-01-15T00:00:00.000Z');
        assert.deepEqual(
          (await changesAfter(app, cursor)).map((c) => [c.type, c.toStatus, c.reasonCode]),
          [['status_changed', 'withdrawn', 'annual_fee_unpaid']],
        );
        assert.equal((await resolve(app, 'BE*SSS*E1')).inForce, false);
        const last = (await trailOf(app, 'BESSS')).at(-1);
        assert.equal(last?.action, 'code.withdrawn');
        assert.equal(last.actorType, 'system');
        const status = await app.db
          .selectFrom('lifecycle_request')
          .select(['status', 'applied_at'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(status, { status: 'applied', applied_at: '2027-01-15T00:00:30.000Z' });
        clock.set(NOW);
      });

      it('a scheduled withdrawal can be stopped, publicly, with its end date removed', async (t) => {
        t.after(() => {
          clock.set(NOW);
        });
        await issueCode(app, 'BEXXX', { legalName: 'Stopped Exit BV' });
        await operate(app, admin1.jar, 'BEXXX', 'withdraw', {
          effectiveDate: '2027-03-01',
          publicReason: 'annual_fee_unpaid',
          reason: 'Unpaid',
        });
        const id = await latestRequestId(app, 'BEXXX');
        await decide(app, admin2.jar, id, 'approve');
        assert.equal((await publicParty(app, 'BEXXX')).validTo, '2027-03-01T00:00:00.000Z');
        const noReason = await decide(app, admin1.jar, id, 'cancel', { note: 'Paid' });
        assert.equal(noReason.statusCode, 400);
        assert.match(noReason.body, new RegExp(`href="#cancel-${id}-publicReason"`));
        const stopped = await decide(app, admin1.jar, id, 'cancel', {
          note: 'Paid in full on 2026-11-27',
          publicReason: 'annual_fee_paid',
        });
        assert.equal(stopped.statusCode, 303);
        const party = await publicParty(app, 'BEXXX');
        assert.equal(party.validTo, null);
        assert.equal(party.status, 'active');
        assert.equal(party.history.at(-1)?.type, 'withdrawal_cancelled');
        assert.equal((await actionsOf(app, 'BEXXX')).at(-1), 'code.withdrawal_cancelled');
        clock.set('2027-03-02T00:00:00.000Z');
        const job = createLifecycleJob({ lifecycle: app.backOffice.lifecycle, everyMs: 60_000 });
        assert.equal(await job.runOnce(), 0);
        assert.equal((await publicParty(app, 'BEXXX')).status, 'active');
        clock.set(NOW);
      });

      it('two admins approving at the same moment: it is applied once, the other is told', async () => {
        await issueCode(app, 'BECCC', { legalName: 'Concurrent Approvals BV' });
        const admin3 = await createStaff(app, { role: 'admin' });
        await operate(app, admin1.jar, 'BECCC', 'withdraw', {
          effectiveDate: '2026-11-27',
          publicReason: 'registry_decision',
          reason: 'Board decision 2026-41',
        });
        const id = await latestRequestId(app, 'BECCC');
        const lifecycle = app.backOffice.lifecycle;
        const results = await Promise.allSettled([
          approveRequest(lifecycle, admin2, id),
          approveRequest(lifecycle, admin3, id),
        ]);
        assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
        const refused = results.find((r) => r.status === 'rejected');
        assert.ok(refused?.reason instanceof DomainError);
        assert.equal(refused.reason.code, 'conflict');
        const trail = await actionsOf(app, 'BECCC');
        assert.equal(trail.filter((a) => a === 'code.withdrawn').length, 1);
        const party = await publicParty(app, 'BECCC');
        assert.equal(party.history.filter((e) => e.toStatus === 'withdrawn').length, 1);
      });

      it('the effective date is checked: a real date, not in the past', async () => {
        await issueCode(app, 'BEDDD', { legalName: 'Date Checks NV' });
        for (const [effectiveDate, message] of [
          ['', /Enter the date the withdrawal takes effect\./],
          ['2027-02-30', /Enter a real date/],
          ['2026-11-26', /cannot be in the past: choose November 27, 2026 or later/],
        ] as const) {
          const res = await operate(app, admin1.jar, 'BEDDD', 'withdraw', {
            effectiveDate,
            publicReason: 'registry_decision',
            reason: 'x',
          });
          assert.equal(res.statusCode, 400, effectiveDate);
          assert.match(res.body, message);
        }
        const termination = await operate(app, admin1.jar, 'BEDDD', 'withdraw', {
          effectiveDate: '2027-06-01',
          publicReason: 'holder_termination',
          reason: 'Phoned us',
        });
        assert.equal(termination.statusCode, 400, 'a termination comes from the holder’s request');
        assert.match(termination.body, /comes from the holder’s own request/);
        assert.deepEqual(await trailOf(app, 'BEDDD'), []);
      });
    },
  );
}
