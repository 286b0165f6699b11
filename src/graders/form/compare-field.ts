import { foldText } from '../text/normalize.js';

/** How an expected field value is compared with the one the model filled in. */
export const COMPARE_KINDS = ['exact', 'date', 'number', 'text', 'enum', 'boolean'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

type SchemaNode = Record<string, unknown>;

/** The comparison a field's schema calls for; undefined when the schema says nothing usable. */
export function kindFromSchema(node: SchemaNode | undefined): CompareKind | undefined {
  if (!node) return undefined;
  if (Array.isArray(node.enum) || 'const' in node) return 'enum';
  if (node.format === 'date' || node.format === 'date-time') return 'date';
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((t) => t !== 'null');
  if (types.length === 1) {
    if (types[0] === 'number' || types[0] === 'integer') return 'number';
    if (types[0] === 'boolean') return 'boolean';
    if (types[0] === 'string') return 'text';
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const kind = branch && typeof branch === 'object' ? kindFromSchema(branch as SchemaNode) : undefined;
      if (kind) return kind;
    }
  }
  return undefined;
}

/** Without a schema for the field, the expected value's own type decides. */
export function kindFromValue(expected: unknown): CompareKind {
  if (typeof expected === 'number') return 'number';
  if (typeof expected === 'boolean') return 'boolean';
  if (typeof expected === 'string') return 'text';
  return 'exact';
}

/** Null, blank text, an empty list or object: what a form leaves when a field is not filled. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** "12,5", "12.5", "1 240" and 1240 are numbers; "12,5 kg" or "douze" are not. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const compact = value.trim().replace(/(?<=\d)[\s\u00A0\u202F](?=\d{3}\b)/g, '');
  if (!/^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const folded = foldText(value);
  if (['true', 'vrai', 'oui', 'yes', '1'].includes(folded)) return true;
  if (['false', 'faux', 'non', 'no', '0'].includes(folded)) return false;
  return undefined;
}

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  october: 10,
  november: 11,
  december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface CalendarDate {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM, when the value holds a time of day. */
  time?: string;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,? (?:a )?(\d{1,2}) ?[h:] ?(\d{2})?)?$/;
const WORDS = /^(?:le )?(?:[a-z]+,? )?(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/;
const ENGLISH = /^(?:[a-z]+,? )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;

/**
 * A date written as ISO ("2026-03-05", with or without a time), French numeric
 * ("05/03/2026", day first) or in words ("5 mars 2026", "jeudi 5 mars 2026", "March 5, 2026").
 */
export function toDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const text = foldText(value);
  const parts = PARSERS.reduce<DateParts | undefined>((found, parse) => found ?? parse(text), undefined);
  if (!parts) return undefined;
  const [year, month, day, hour, minute] = parts;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const date: CalendarDate = { day: `${year}-${pad(month)}-${pad(day)}` };
  if (hour !== undefined && hour < 24 && (minute ?? 0) < 60) date.time = `${pad(hour)}:${pad(minute ?? 0)}`;
  return date;
}

/** Year, month, day, and the hour and minute when given. */
type DateParts = [number, number, number, number?, number?];

const PARSERS: Array<(text: string) => DateParts | undefined> = [
  (text) => {
    const match = ISO.exec(text);
    return match
      ? [Number(match[1]), Number(match[2]), Number(match[3]), ...times(match[4], match[5])]
      : undefined;
  },
  (text) => {
    const match = NUMERIC.exec(text);
    if (!match) return undefined;
    const year = match[3] as string;
    const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    return [fullYear, Number(match[2]), Number(match[1]), ...times(match[4], match[5])];
  },
  (text) => {
    const match = WORDS.exec(text);
    const month = match ? MONTHS[match[2] as string] : undefined;
    return match && month ? [Number(match[3]), month, Number(match[1])] : undefined;
  },
  (text) => {
    const match = ENGLISH.exec(text);
    const month = match ? MONTHS[match[1] as string] : undefined;
    return match && month ? [Number(match[3]), month, Number(match[2])] : undefined;
  },
];

function times(hour: string | undefined, minute: string | undefined): [number?, number?] {
  return hour === undefined ? [] : [Number(hour), Number(minute ?? 0)];
}

function enumForm(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  return String(value).normalize('NFC').trim().toLowerCase();
}

/** Whether the filled-in value matches the expected one under the given comparison. */
export function compareScalar(kind: CompareKind, expected: unknown, actual: unknown): boolean {
  switch (kind) {
    case 'exact':
      return deepEqual(expected, actual);
    case 'number': {
      const [e, a] = [toNumber(expected), toNumber(actual)];
      return e !== undefined && a !== undefined && Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e));
    }
    case 'boolean': {
      const e = toBoolean(expected);
      return e !== undefined && e === toBoolean(actual);
    }
    case 'enum': {
      const e = enumForm(expected);
      return e !== undefined && e === enumForm(actual);
    }
    case 'date': {
      const [e, a] = [toDate(expected), toDate(actual)];
      // A time counts only when both sides give one: a date-only expectation accepts any time that day.
      return (
        e !== undefined &&
        a !== undefined &&
        e.day === a.day &&
        (e.time === undefined || a.time === undefined || e.time === a.time)
      );
    }
    case 'text':
      return (
        (typeof expected === 'string' || typeof expected === 'number') &&
        (typeof actual === 'string' || typeof actual === 'number') &&
        foldText(String(expected)) === foldText(String(actual))
      );
  }
}
