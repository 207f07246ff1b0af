import type { BulkItem, LineError } from '../../../../app/validate-id-lines.ts';
import { recordJson } from '../../../../app/validation-record-json.ts';

function isLineError(item: BulkItem): item is LineError {
  return 'line' in item;
}

/** One NDJSON line per item; records through the fast serialiser, line errors as they are. */
export function itemsToNdjson(items: readonly BulkItem[]): string {
  let text = '';
  for (const item of items)
    text += `${isLineError(item) ? JSON.stringify(item) : recordJson(item)}\n`;
  return text;
}
