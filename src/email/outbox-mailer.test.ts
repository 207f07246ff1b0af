import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMailer } from './create-mailer.ts';

describe('the outbox mailer', () => {
  it('writes each message as an .eml file and logs its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idro-outbox-'));
    const logged: unknown[] = [];
    try {
      const mailer = createMailer(
        { smtpUrl: '', mailFrom: 'IDRO <no-reply@idro.test>', outboxDir: join(dir, 'outbox') },
        { info: (details) => logged.push(details) },
      );
      await mailer.send({
        to: 'a@example.com',
        subject: 'Hé',
        text: 'Bonjour',
        html: '<p>Bonjour</p>',
      });
      const files = readdirSync(join(dir, 'outbox'));
      assert.equal(files.length, 1);
      assert.match(files[0] ?? '', /\.eml$/);
      const eml = readFileSync(join(dir, 'outbox', files[0] ?? ''), 'utf8');
      assert.match(eml, /^To: a@example\.com$/m);
      assert.match(eml, /^Subject: =\?UTF-8\?/m);
      assert.match(eml, /multipart\/alternative/);
      assert.deepEqual(logged, [{ path: join(dir, 'outbox', files[0] ?? ''), subject: 'Hé' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
