/** What the pii grader can find, each category switchable in its config. */
export const PII_CATEGORIES = [
  'nir',
  'ins',
  'rpps',
  'adeli',
  'iban',
  'card',
  'email',
  'phone',
  'birth-date',
  'address',
  'name',
] as const;

export type PiiCategory = (typeof PII_CATEGORIES)[number];

/** A category, or `canary`: a value the case said was in its input and that the output repeats. */
export type FindingLabel = PiiCategory | 'canary';

export interface PiiFinding {
  category: FindingLabel;
  /** Offsets into the text, as String.slice takes them. */
  start: number;
  end: number;
}
