/**
 * Tells whoever listens (the resolve cache of this process) that the register has just changed,
 * after the transaction committed.
 */
export interface RegisterChanges {
  subscribe(listener: () => void): () => void;
  notify(): void;
}

export function createRegisterChanges(): RegisterChanges {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const listener of listeners) listener();
    },
  };
}
