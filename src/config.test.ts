import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('serves on localhost:3000 with SQLite under ./data by default', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, 'localhost');
    assert.match(config.databaseUrl, /^sqlite:.*data[/\\]idro\.sqlite$/);
  });

  it('takes PORT, HOST and a PostgreSQL URL', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db' });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, 'postgres://u@h/db');
  });

  it('lists every problem at once', () => {
    const error = (() => {
      try {
        loadConfig({
          PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          LOG_LEVEL: 'loud',
          PUBLIC_URL: 'ftp://x',
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 4);
    assert.match(error.message, /PORT/);
    assert.match(error.message, /DATABASE_URL/);
    assert.match(error.message, /LOG_LEVEL/);
    assert.match(error.message, /PUBLIC_URL/);
  });

  it('rejects a port out of range', () => {
    assert.throws(
      () => loadConfig({ PORT: '70000' }),
      /PORT must be a whole number from 0 to 65535/,
    );
  });
});
