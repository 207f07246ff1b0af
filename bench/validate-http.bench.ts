import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';

import { createTestApp } from '../test/support/app.ts';
import { generateIdMix } from './support/id-mix.ts';

const COUNT = 1_000_000;
const SEED = 20_251_127;
const ROUNDS = 3;

export interface ValidateHttpFigures {
  readonly bench: 'validate-http';
  readonly ids: number;
  readonly bodyBytes: number;
  readonly rounds: number;
  /** Median over the rounds of `POST /api/v1/validate`, timed to the last byte of the answer. */
  readonly idsPerSecond: number;
  /** Median over the rounds of a bare node:http server echoing the same lines back. */
  readonly baselineIdsPerSecond: number;
  /** idsPerSecond / baselineIdsPerSecond; comparable across noisy machines. */
  readonly ratioToBaseline: number;
  readonly answerBytes: number;
  /** Answer megabytes (10^6) per second, median: the service writes ~10 times what it reads. */
  readonly answerMBPerSecond: number;
  readonly baselineAnswerMBPerSecond: number;
  readonly node: string;
  readonly cpu: string;
  readonly cpuCount: number;
}

/** The baseline: reads a text body line by line and writes each line back, with backpressure. */
function echoServer(): Server {
  return createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    const decoder = new StringDecoder('utf8');
    let carry = '';
    req.on('data', (chunk: Buffer) => {
      const text = carry + decoder.write(chunk);
      const end = text.lastIndexOf('\n');
      carry = text.slice(end + 1);
      if (end < 0) return;
      const lines = text.slice(0, end).split('\n');
      if (!res.write(`${lines.join('\n')}\n`)) {
        req.pause();
        res.once('drain', () => req.resume());
      }
    });
    req.on('end', () => res.end(carry === '' ? '' : `${carry}\n`));
  });
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

interface Timing {
  readonly seconds: number;
  readonly bytes: number;
  readonly lines: number;
}

/** POSTs the body and counts the answer's bytes and lines until its last byte. */
async function post(port: number, path: string, body: Buffer): Promise<Timing> {
  const start = performance.now();
  const req = request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length },
  });
  req.end(body);
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { seconds: (performance.now() - start) / 1000, bytes, lines };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The real application, wired as the tests wire it (in-memory database, no logger). */
async function startApp() {
  const app = await createTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

export async function main(): Promise<ValidateHttpFigures> {
  const body = Buffer.from(`${generateIdMix(COUNT, SEED).join('\n')}\n`);
  const warmUp = Buffer.from(`${generateIdMix(50_000, SEED + 1).join('\n')}\n`);
  const { app, port } = await startApp();
  const echo = echoServer();
  const echoPort = await listen(echo);
  try {
    await post(echoPort, '/', warmUp);
    await post(port, '/api/v1/validate', warmUp);
    const service: Timing[] = [];
    const baseline: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await post(echoPort, '/', body));
      service.push(await post(port, '/api/v1/validate', body));
    }
    const last = service.at(-1)!;
    if (last.lines !== COUNT + 1) throw new Error(`expected ${COUNT + 1} lines, got ${last.lines}`);
    return report(body.length, last.bytes, service, baseline);
  } finally {
    echo.close();
    await app.close();
  }
}

function report(
  bodyBytes: number,
  answerBytes: number,
  service: readonly Timing[],
  baseline: readonly Timing[],
): ValidateHttpFigures {
  const rate = (t: Timing) => COUNT / t.seconds;
  const megabytes = (timings: readonly Timing[]) =>
    Number(median(timings.map((t) => t.bytes / t.seconds / 1e6)).toFixed(1));
  const idsPerSecond = Math.round(median(service.map(rate)));
  const baselineIdsPerSecond = Math.round(median(baseline.map(rate)));
  const figures: ValidateHttpFigures = {
    bench: 'validate-http',
    ids: COUNT,
    bodyBytes,
    rounds: ROUNDS,
    idsPerSecond,
    baselineIdsPerSecond,
    ratioToBaseline: Number((idsPerSecond / baselineIdsPerSecond).toFixed(3)),
    answerBytes,
    answerMBPerSecond: megabytes(service),
    baselineAnswerMBPerSecond: megabytes(baseline),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  };
  const format = (n: number) => Math.round(n).toLocaleString('en-GB');
  console.log(`POST /api/v1/validate: ${format(idsPerSecond)} IDs/s (median of ${ROUNDS})`);
  console.log(`baseline (line echo):  ${format(baselineIdsPerSecond)} IDs/s`);
  console.log(`ratio to baseline:     ${figures.ratioToBaseline}`);
  console.log(
    `answer MB/s:           ${figures.answerMBPerSecond} (baseline ${figures.baselineAnswerMBPerSecond})`,
  );
  console.log(`rounds service:  ${service.map((t) => format(rate(t))).join(', ')}`);
  console.log(`rounds baseline: ${baseline.map((t) => format(rate(t))).join(', ')}`);
  console.log(JSON.stringify(figures));
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
