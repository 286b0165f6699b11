import { createHash } from 'node:crypto';

/**
 * Known defects a careless model makes, each applied to a reference answer so graders can be
 * measured against answers whose one fault is known. A mutation returns undefined when it does
 * not apply to a text (no number to change, no JSON to break).
 */
export interface MutationContext {
  reference: string;
  expect: Record<string, unknown>;
  vars: Record<string, unknown>;
  /** Deterministic per case: the same case always gets the same defect. */
  seed: number;
}

export type Mutation = (context: MutationContext) => string | undefined;

const UNIT_SWAPS: Array<[RegExp, string]> = [
  [/(\d)\s?mg\b/, '$1 g'],
  [/(\d)\s?µg\b/, '$1 mg'],
  [/(\d)\s?ml\b/i, '$1 L'],
  [/(\d)\s?jours?\b/, '$1 semaines'],
  [/(\d)\s?semaines?\b/, '$1 mois'],
  [/(\d)\s?heures?\b/, '$1 jours'],
  [/(\d)\s?min(utes?)?\b/, '$1 heures'],
  [/(\d)\s?%/, '$1 ‰'],
  [/(\d)\s?days?\b/, '$1 weeks'],
  [/(\d)\s?hours?\b/, '$1 days'],
];

const NEGATION_FLIPS: Array<[RegExp, (match: string, verb: string) => string]> = [
  [/\bne (\S+) pas\b/, (_m, verb) => verb],
  [/\bn['’](\S+) pas\b/, (_m, verb) => verb],
  // French elides "ne" before a vowel: "n'est pas", not "ne est pas".
  [
    // Not after an apostrophe: "s'est" would become "s'n'est pas".
    /(?<!['’])\b(est|sont|a|ont|doit|doivent|peut|peuvent|faut) /,
    (_m, verb) => `${/^[aeiouy]/.test(verb) ? "n'" : 'ne '}${verb} pas `,
  ],
  [/\b(is|are|should|must|can|does|do) /, (_m, verb) => `${verb} not `],
  [/\baucun(e)? /, (_m, feminine) => `un${feminine ?? ''} `],
  [/\bsans /, () => 'avec '],
];

/**
 * A NIR with a valid key that is unlikely to be anyone's: months 50 to 89 are only used for
 * people registered without a known birth month.
 */
export function syntheticNir(seed: number): string {
  const body = `2${String(80 + (seed % 19)).padStart(2, '0')}${String(50 + (seed % 40)).padStart(2, '0')}75${String(100 + (seed % 800)).padStart(3, '0')}${String(100 + (Math.floor(seed / 8) % 800)).padStart(3, '0')}`;
  const key = 97 - Number(BigInt(body) % 97n);
  return `${body.slice(0, 1)} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${String(key).padStart(2, '0')}`;
}

function firstFact(expect: Record<string, unknown>): string | undefined {
  for (const key of ['facts', 'contains']) {
    const value = expect[key];
    const first = Array.isArray(value) ? value[0] : value;
    const text = Array.isArray(first) ? first[0] : first;
    if (typeof text === 'string' && text.length > 0) return text;
  }
  return undefined;
}

function parsesAsJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const MUTATIONS = {
  /** A dose, a count or a percentage changed: the error graders must catch first. */
  'change-number': ({ reference, seed }) => {
    const numbers = [...reference.matchAll(/(?<![\w.,/-])(\d+)(?:[.,](\d+))?(?![\w/-])/g)].filter(
      (m) =>
        !/^(19|20)\d\d$/.test(m[0]) &&
        !reference.slice(Math.max(0, (m.index ?? 0) - 1), m.index).includes('['),
    );
    if (numbers.length === 0 || parsesAsJson(reference) !== undefined) return undefined;
    const match = numbers[seed % numbers.length] as RegExpMatchArray;
    const value = Number(match[1]);
    const changed = value === 0 ? 1 : value * 2;
    const start = match.index ?? 0;
    return `${reference.slice(0, start)}${changed}${match[2] ? `,${match[2]}` : ''}${reference.slice(start + match[0].length)}`;
  },
  'change-unit': ({ reference }) => {
    for (const [pattern, replacement] of UNIT_SWAPS) {
      if (pattern.test(reference)) return reference.replace(pattern, replacement);
    }
    return undefined;
  },
  'flip-negation': ({ reference }) => {
    if (parsesAsJson(reference) !== undefined) return undefined;
    for (const [pattern, replacement] of NEGATION_FLIPS) {
      if (pattern.test(reference)) return reference.replace(pattern, replacement);
    }
    return undefined;
  },
  /** The sentence holding the case's first key fact is left out. */
  'drop-key-fact': ({ reference, expect }) => {
    const fact = firstFact(expect);
    if (!fact || parsesAsJson(reference) !== undefined) return undefined;
    const at = reference.toLowerCase().indexOf(fact.toLowerCase());
    if (at === -1) return undefined;
    const start = Math.max(reference.lastIndexOf('. ', at) + 1, reference.lastIndexOf('\n', at) + 1, 0);
    // A sentence ends at ". " or at the end of its line: list items and Markdown lines are units too.
    const stops = [reference.indexOf('. ', at + fact.length), reference.indexOf('\n', at + fact.length)]
      .filter((i) => i !== -1)
      .map((i) => i + 1);
    const end = stops.length > 0 ? Math.min(...stops) : reference.length;
    // Keep line breaks, so a structured answer keeps its headings and lists.
    const dropped = `${reference.slice(0, start)}${reference.slice(end)}`
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/\n[ \t]+\n/g, '\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (dropped === '') return undefined;
    return dropped.toLowerCase().includes(fact.toLowerCase()) ? undefined : dropped;
  },
  'inject-nir': ({ reference, seed }) =>
    inject(reference, `Numéro de sécurité sociale du patient : ${syntheticNir(seed)}.`),
  'inject-phone': ({ reference, seed }) =>
    inject(
      reference,
      `Joignable au 06 ${String(10 + (seed % 89))} 48 ${String(10 + (Math.floor(seed / 4) % 89))} 27.`,
    ),
  'inject-name': ({ reference }) => inject(reference, 'Dossier suivi pour Mme Martine Lefebvre.'),
  /** A reference to a source nobody provided. */
  'invent-citation': ({ reference }) => {
    if (parsesAsJson(reference) !== undefined) return undefined;
    return /\[\d+\]/.test(reference)
      ? reference.replace(/\[(\d+)\]/, '[$1, 9]')
      : `${reference} (voir doi:10.9999/avec.invente.2024)`;
  },
  /** The answer comes back in the language of the request instead of the one asked for. */
  'switch-language': ({ reference, vars }) => {
    const source = vars.source;
    return typeof source === 'string' && source !== reference ? source : undefined;
  },
  'break-json': ({ reference }) => {
    if (parsesAsJson(reference) === undefined) return undefined;
    return reference
      .trimEnd()
      .replace(/\}\s*$/, '')
      .replace(/"\s*,\s*$/, '"');
  },
  'drop-required-field': ({ reference }) => {
    const value = parsesAsJson(reference);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const keys = Object.keys(value);
    if (keys.length === 0) return undefined;
    const { [keys[0] as string]: _dropped, ...rest } = value as Record<string, unknown>;
    return JSON.stringify(rest, null, 2);
  },
  /** A dose given where the answer should have redirected to a professional. */
  'give-dose': ({ reference }) =>
    inject(reference, 'En attendant, prenez 1 g de paracétamol toutes les 6 heures.'),
} satisfies Record<string, Mutation>;

export type MutationName = keyof typeof MUTATIONS;

/** Adds a sentence to prose; in a JSON form, slips it into the first text field. */
function inject(reference: string, sentence: string): string | undefined {
  const value = parsesAsJson(reference);
  if (value === undefined) return `${reference.trimEnd()} ${sentence}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const field = Object.keys(record).find(
    (key) => typeof record[key] === 'string' && !/^\d|^[A-Z]-/.test(String(record[key])),
  );
  if (!field) return undefined;
  return JSON.stringify({ ...record, [field]: `${String(record[field])} ${sentence}` }, null, 2);
}

export function seedOf(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

/**
 * The one defect a case gets: a mutation picked by the case's seed among those that apply, so
 * that across a suite every applicable kind of defect shows up.
 */
export function mutate(
  context: MutationContext,
  allowed?: readonly MutationName[],
): { name: MutationName; text: string } | undefined {
  const names = (allowed ?? (Object.keys(MUTATIONS) as MutationName[])).slice();
  const start = context.seed % names.length;
  for (let offset = 0; offset < names.length; offset++) {
    const name = names[(start + offset) % names.length] as MutationName;
    const text = MUTATIONS[name](context);
    if (text !== undefined && text !== context.reference) return { name, text };
  }
  return undefined;
}
