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
