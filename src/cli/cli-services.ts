import type { Clock } from '../app/ports.ts';
import type { IdGenerator, RegisterReader, RegisterStore } from '../app/register/ports.ts';

/** The register, opened for one command and closed after it. */
export interface RegisterSession {
  readonly store: RegisterStore;
  readonly reader: RegisterReader;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  close(): Promise<void>;
}

/** What commands may need beyond their streams; opened only by the commands that use it. */
export interface CliServices {
  openRegister(): Promise<RegisterSession>;
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
