import type { AuditActor, AuditReader } from '../app/audit/ports.ts';
import type { Clock } from '../app/ports.ts';
import type { IdGenerator, RegisterReader, RegisterStore } from '../app/register/ports.ts';
import type { LifecycleServices } from '../app/lifecycle/ports.ts';
import type { StaffServices } from '../app/staff/services.ts';

/** The register, opened for one command and closed after it. */
export interface RegisterSession {
  readonly store: RegisterStore;
  readonly reader: RegisterReader;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Who the audit trail names for changes made by this command. */
  readonly actor: AuditActor;
  close(): Promise<void>;
}

/** The audit trail, opened read-only for one command. */
export interface AuditSession {
  readonly reader: AuditReader;
  close(): Promise<void>;
}

/** What commands may need beyond their streams; opened only by the commands that use it. */
export interface CliServices {
  openRegister(): Promise<RegisterSession>;
  openAudit(): Promise<AuditSession>;
  openStaff(): Promise<StaffSession>;
  openLifecycle(): Promise<LifecycleSession>;
}

/** The lifecycle of issued codes, opened for one command. */
export interface LifecycleSession {
  readonly services: LifecycleServices;
  close(): Promise<void>;
}

/** Staff accounts, opened for one command. */
export interface StaffSession {
  readonly services: StaffServices;
  /** The base of the links printed: `PUBLIC_URL`, or the address the service listens on. */
  readonly baseUrl: string;
  /** Who runs the command, as the audit trail names it. */
  readonly actorLabel: string | null;
  close(): Promise<void>;
}

/** Opens the register, runs the work, and always closes it. */
export async function withRegister<T>(
  services: CliServices,
  work: (session: RegisterSession) => Promise<T>,
): Promise<T> {
  const session = await services.openRegister();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
