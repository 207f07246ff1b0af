/** Something in an imported file that is wrong or unusual, with where it is. */
export interface ImportAnomaly {
  /** Line of the file (the header is line 1). */
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly code: string;
  readonly message: string;
}
