/**
 * The interfaces that adapters implement and use cases depend on. Only `main.ts` wires concrete
 * adapters to them.
 */

/** Tells whether the service's own dependencies answer. */
export interface HealthProbe {
  /** Resolves to the state of each dependency by name, e.g. `{ database: true }`. */
  check(): Promise<Readonly<Record<string, boolean>>>;
}

/** The time, so that rules depending on it can be tested. */
export interface Clock {
  now(): Date;
}

/** An e-mail ready to send: both a plain-text and an HTML body. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends e-mail: through SMTP, or into an outbox folder when no SMTP server is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Random secrets (tokens, session ids) and their digests, so they can be stored safely. */
export interface Secrets {
  /** A new URL-safe random token of at least 256 bits. */
  token(): string;
  /** SHA-256 hex digest: what is stored in place of a token. */
  digest(token: string): string;
}
