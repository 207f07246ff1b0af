import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<T extends Options> =
  | {
      readonly ok: true;
      readonly values: ReturnType<typeof parse<T>>['values'];
      readonly positionals: string[];
    }
  | { readonly ok: false; readonly reason: string };

function parse<T extends Options>(args: string[], options: T) {
  return parseArgs({ args, options, strict: true, allowPositionals: true });
}

/**
 * `node:util` parseArgs as a result: a mistyped option is expected bad input, so it becomes a
 * message instead of an exception. `--` ends the options, for an ID that starts with `-`.
 */
export function parseCommandArgs<T extends Options>(
  args: readonly string[],
  options: T,
): ParsedArgs<T> {
  try {
    const { values, positionals } = parse([...args], options);
    return { ok: true, values, positionals };
  } catch (err) {
    if (isParseArgsError(err)) return { ok: false, reason: err.message };
    throw err;
  }
}

function isParseArgsError(err: unknown): err is Error {
  if (!(err instanceof TypeError)) return false;
  const code: unknown = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
