import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWrk } from './wrk.ts';

/** Reports as wrk 4.1 printed them (`--latency`), against a local server. */
const report = (extra = '') => `Running 1s test @ http://127.0.0.1:3998/
  1 threads and 5 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   128.13us  398.38us   7.28ms   95.54%
    Req/Sec    88.20k    27.55k  104.17k    81.82%
  Latency Distribution
     50%   48.00us
     75%   68.00us
     90%  107.00us
     99%    2.20ms
  96501 requests in 1.10s, 11.41MB read
${extra}Requests/sec:  87749.48
Transfer/sec:     10.38MB
`;

describe('parseWrk', () => {
  it('reads the requests, the time they took and the median and 99th percentile latency', () => {
    assert.deepEqual(parseWrk(report()), {
      requests: 96_501,
      seconds: 1.1,
      p50Ms: 0.048,
      p99Ms: 2.2,
    });
  });

  it('reads durations in seconds and minutes', () => {
    const slow = report().replace('48.00us', '1.50s').replace('in 1.10s', 'in 1.00m');
    const result = parseWrk(slow);
    assert.equal(result.p50Ms, 1500);
    assert.equal(result.seconds, 60);
  });

  it('throws when some answers were not 2xx, or sockets failed', () => {
    assert.throws(
      () => parseWrk(report('  Non-2xx or 3xx responses: 102502\n')),
      /Non-2xx or 3xx responses: 102502/,
    );
    assert.throws(
      () => parseWrk(report('  Socket errors: connect 0, read 3, write 0, timeout 0\n')),
      /Socket errors: connect 0, read 3/,
    );
  });

  it('throws on a report it cannot read', () => {
    assert.throws(() => parseWrk('wrk: command not found'), /unexpected wrk report/);
  });
});
