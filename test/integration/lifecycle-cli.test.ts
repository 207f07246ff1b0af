import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { CliServices } from '../../src/cli/cli-services.ts';
import { lifecycleCommand } from '../../src/cli/lifecycle-command.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import { decide, issueCode, latestRequestId, operate, publicParty } from '../support/lifecycle.ts';
import { fixedClock } from '../support/register.ts';
import { createStaff } from '../support/staff.ts';

/** Runs `idro lifecycle …` in this process, on the test app's database. */
async function lifecycleCli(app: TestApp, args: readonly string[]) {
  const refuse = () => Promise.reject(new Error('not used'));
  const services: CliServices = {
    openRegister: refuse,
    openAudit: refuse,
    openStaff: refuse,
    openLifecycle: () =>
      Promise.resolve({ services: app.backOffice.lifecycle, close: () => Promise.resolve() }),
  };
  const stdout = new PassThrough().setEncoding('utf8');
  const stderr = new PassThrough().setEncoding('utf8');
  const code = await lifecycleCommand(args, { stdin: new PassThrough(), stdout, stderr }, services);
  return { code, stdout: String(stdout.read() ?? ''), stderr: String(stderr.read() ?? '') };
}

for (const dialect of DIALECTS) {
  describe(`idro lifecycle apply-due (${dialect})`, { skip: dialectSkip(dialect) }, () => {
    const clock = fixedClock('2026-11-27T10:00:00.000Z');
    let app: TestApp;

    before(async () => {
      app = await createTestApp({ dialect, clock });
      const [first, second] = [
        await createStaff(app, { role: 'admin' }),
        await createStaff(app, { role: 'admin' }),
      ];
      await issueCode(app, 'BEDUE', { legalName: 'Due Day SRL' });
      await operate(app, first.jar, 'BEDUE', 'withdraw', {
        effectiveDate: '2027-02-01',
        publicReason: 'annual_fee_unpaid',
        reason: 'Fee unpaid after the final notice',
      });
      await decide(app, second.jar, await latestRequestId(app, 'BEDUE'), 'approve');
    });
    after(() => app.close());

    it('applies nothing before the day, the withdrawal on its day, and only once', async () => {
      assert.deepEqual(await lifecycleCli(app, ['apply-due']), {
        code: 0,
        stdout: '{"applied":0}\n',
        stderr: '',
      });
      assert.equal((await publicParty(app, 'BEDUE')).status, 'active');
      clock.set('2027-02-01T08:00:00.000Z');
      assert.equal((await lifecycleCli(app, ['apply-due'])).stdout, '{"applied":1}\n');
      assert.equal((await publicParty(app, 'BEDUE')).status, 'withdrawn');
      assert.equal((await lifecycleCli(app, ['apply-due'])).stdout, '{"applied":0}\n');
    });

    it('answers a usage error with exit 2 and the help', async () => {
      const result = await lifecycleCli(app, ['apply-everything']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /usage: idro lifecycle apply-due/);
    });
  });
}
