import type { PrefixLookup } from './prefix-lookup.ts';
import type { RegisterReader } from './ports.ts';

/** What the interfaces need to publish the register. */
export interface RegisterServices {
  readonly reader: RegisterReader;
  readonly lookup: PrefixLookup;
}
