import { join, resolve } from 'node:path';

/** The service's configuration, read once from the environment and validated as a whole. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `sqlite:<file>` or `postgres://…`. */
  readonly databaseUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest request body accepted by the bulk validation endpoint, in bytes. */
  readonly validateBodyLimit: number;
  /** Largest ordinary request body (JSON, forms), in bytes. */
  readonly bodyLimit: number;
  /** Public base URL, used in the OpenAPI document; empty means relative. */
  readonly publicUrl: string;
  /** Trust `X-Forwarded-*` headers from a reverse proxy. */
  readonly trustProxy: boolean;
  /** `bundled`: load the bundled register snapshot into an empty register at start; `none`: don't. */
  readonly seed: 'bundled' | 'none';
  /** `smtp://` or `smtps://` URL of the mail server; empty writes mails to `outboxDir` instead. */
  readonly smtpUrl: string;
  /** The `From` of every mail. */
  readonly mailFrom: string;
  /** Folder the `.eml` files go to when no SMTP server is configured. */
  readonly outboxDir: string;
  /** Send cookies with `Secure`; by default when `PUBLIC_URL` is https. */
  readonly cookieSecure: boolean;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type Env = Readonly<Record<string, string | undefined>>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function databaseUrl(env: Env, problems: string[]): string {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return `sqlite:${resolve('data', 'idro.sqlite')}`;
  if (/^postgres(ql)?:\/\//.test(raw)) return raw;
  if (raw.startsWith('sqlite:') && raw.length > 'sqlite:'.length) return raw;
  problems.push(`DATABASE_URL must start with postgres://, postgresql:// or sqlite:, got "${raw}"`);
  return raw;
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const found = allowed.find((a) => a === raw);
  if (found === undefined)
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return found ?? fallback;
}

function publicUrl(env: Env, problems: string[]): string {
  const raw = env.PUBLIC_URL ?? '';
  if (raw === '') return '';
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    problems.push(`PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function smtpUrl(env: Env, problems: string[]): string {
  const raw = env.SMTP_URL ?? '';
  if (raw === '') return '';
  if (!URL.canParse(raw) || !/^smtps?:$/.test(new URL(raw).protocol)) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  return raw;
}

function mailFrom(env: Env, problems: string[]): string {
  const raw = env.MAIL_FROM ?? '';
  if (raw === '') return 'Benelux e-mobility ID register <no-reply@localhost>';
  if (raw.length > 300 || !/^[^\r\n]*@[^\r\n]*$/.test(raw)) {
    problems.push(`MAIL_FROM must be an e-mail address, optionally with a name, got "${raw}"`);
  }
  return raw;
}

function cookieSecure(env: Env, publicUrl: string, problems: string[]): boolean {
  const mode = oneOf(env, 'COOKIE_SECURE', ['auto', 'true', 'false'], 'auto', problems);
  return mode === 'auto' ? publicUrl.startsWith('https:') : mode === 'true';
}

/** Reads and validates the configuration; throws a ConfigError listing every problem found. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const host = env.HOST ?? 'localhost';
  if (host.trim() === '') problems.push('HOST must not be empty');
  const trust = oneOf(env, 'TRUST_PROXY', ['true', 'false'], 'false', problems);
  const baseUrl = publicUrl(env, problems);
  const config: Config = {
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    host,
    databaseUrl: databaseUrl(env, problems),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems),
    validateBodyLimit: integer(env, 'VALIDATE_BODY_LIMIT', 64 * 1024 * 1024, 1, 2 ** 31, problems),
    bodyLimit: integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 2 ** 30, problems),
    publicUrl: baseUrl,
    trustProxy: trust === 'true',
    seed: oneOf(env, 'IDRO_SEED', ['bundled', 'none'], 'bundled', problems),
    smtpUrl: smtpUrl(env, problems),
    mailFrom: mailFrom(env, problems),
    outboxDir: resolve(
      env.OUTBOX_DIR === undefined || env.OUTBOX_DIR === ''
        ? join('data', 'outbox')
        : env.OUTBOX_DIR,
    ),
    cookieSecure: cookieSecure(env, baseUrl, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
