/**
 * The roles a party code serves. A location owner is a kind of charge point operator: it owns the
 * charge points the ID identifies.
 */
export const ROLES = ['CPO', 'EMSP', 'LOCATION_OWNER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
