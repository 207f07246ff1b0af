/** The version of the terms and conditions an applicant accepts now; the text is translated. */
export const TERMS_VERSION = '2026-11';
