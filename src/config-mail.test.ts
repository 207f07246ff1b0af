import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('mail and cookie settings', () => {
  it('write mails to ./data/outbox and send insecure cookies by default', () => {
    const config = loadConfig({});
    assert.equal(config.smtpUrl, '');
    assert.match(config.outboxDir, /data[/\\]outbox$/);
    assert.equal(config.cookieSecure, false);
  });
  it('make cookies secure when the public URL is https, unless told otherwise', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://idro.example' }).cookieSecure, true);
    assert.equal(
      loadConfig({ PUBLIC_URL: 'https://x.example', COOKIE_SECURE: 'false' }).cookieSecure,
      false,
    );
  });
  it('refuse a bad SMTP URL without repeating it (it may hold a password)', () => {
    assert.throws(
      () =>
        loadConfig({
          SMTP_URL: 'http://user:secret@x',
          COOKIE_SECURE: 'maybe',
          MAIL_FROM: 'nobody',
        }),
      (e: unknown) =>
        e instanceof ConfigError && e.problems.length === 3 && !e.message.includes('secret'),
    );
  });
});
