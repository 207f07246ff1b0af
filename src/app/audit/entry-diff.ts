/** One field of an entry's subject, as it was before the change and after it. */
export interface FieldChange {
  /** The field's name as recorded (`website`, `roles`…); `''` when the subject is one value. */
  readonly field: string;
  /** JSON values; `undefined` when the field did not exist on that side. */
  readonly before: unknown;
  readonly after: unknown;
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Stored text that is not JSON (edited by hand): shown as it is.
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields an entry changed, from its `before` and `after` JSON texts: for two objects, the
 * fields whose values differ (a creation lists every field of `after` that has a value, a removal
 * every field of `before`); for anything else, one change of the whole value. Fields keep the order of `after`,
 * then those only in `before`.
 */
export function entryDiff(beforeText: string | null, afterText: string | null): FieldChange[] {
  const before = parse(beforeText);
  const after = parse(afterText);
  if (before === undefined && after === undefined) return [];
  const beforeFields = before ?? {};
  const afterFields = after ?? {};
  if (!isRecord(beforeFields) || !isRecord(afterFields)) {
    return same(before, after) ? [] : [{ field: '', before, after }];
  }
  const names = [...Object.keys(afterFields)];
  for (const name of Object.keys(beforeFields)) if (!names.includes(name)) names.push(name);
  // A field missing on one side and empty on the other says nothing: a creation with no website.
  const empty = (v: unknown) => v === undefined || v === null;
  return names
    .filter((name) => !same(beforeFields[name], afterFields[name]))
    .filter((name) => !(empty(beforeFields[name]) && empty(afterFields[name])))
    .map((name) => ({ field: name, before: beforeFields[name], after: afterFields[name] }));
}
