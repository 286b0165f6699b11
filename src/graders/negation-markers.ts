import { Lexicon, type Vocabulary, type Words, WordTable, wordHash, wordsOfPart } from './negation-words.js';

/** What one clause says, for comparing its polarity with another's. */
export interface Polarity {
  /** Stems of its content words. */
  content: Set<string>;
  negations: number;
  /** Stems of the content words the negations bear on: a few around each marker. */
  scope: Set<string>;
  /** Negative words the clause negates ("pas rare"), and those it does not ("rare"). */
  litotes: { negated: Set<string>; plain: Set<string> };
}

const NE = new Set(['ne', 'n']);
/** Words that make "ne" a negation; several in one clause are one negation ("personne n'a jamais rien dit"). */
const PARTNERS = new Set([
  'pas',
  'plus',
  'jamais',
  'rien',
  'aucun',
  'aucune',
  'personne',
  'guere',
  'point',
  'nullement',
  'ni',
  'nul',
  'nulle',
]);
/** Partners that may come before "ne", as its subject ("aucun effet n'a été observé"). */
const SUBJECTS = new Set(['aucun', 'aucune', 'personne', 'rien', 'nul', 'nulle', 'ni', 'jamais']);
/** Subjects that are a negation of their own beside "pas" ("aucun … ne … pas" is a double negation). */
const CONCORD_SUBJECTS = new Set(['aucun', 'aucune', 'personne', 'rien', 'nul', 'nulle']);
/** Negations on their own, without "ne". */
const STANDALONE = new Set([
  'pas',
  'jamais',
  'aucun',
  'aucune',
  'rien',
  'nullement',
  'sans',
  'non',
  'absence',
  'absent',
  'absente',
  'absents',
  'absentes',
  'ni',
  'not',
  'no',
  'never',
  'without',
  'none',
  'nothing',
  'nobody',
  'neither',
  'cannot',
]);
/** Words that say "do not" by themselves: "il est déconseillé de" is "il ne faut pas". */
const PROHIBITIONS = new Set(
  (
    'deconseille deconseillee deconseilles deconseillees interdit interdite interdits interdites ' +
    'proscrit proscrite proscrits proscrites contre-indique contre-indiquee contre-indiques contre-indiquees'
  ).split(' '),
);
/** Phrases that look negative and are not: "sans doute" (probably), "non seulement", "not only". */
const NOT_NEGATIONS = new Set(['sans doute', 'non seulement', 'not only', 'non plus', 'no doubt']);
/** After a negation, words that make it "not only": "ne protège pas seulement les résidents". */
const ONLY = new Set(['seulement', 'uniquement', 'simplement', 'only', 'just', 'merely']);
/** After a negation, negative words that make a litotes: "pas rare" is "fréquent", "non négligeable" is "notable". */
const LITOTES = new Set(
  (
    'rare rares negligeable negligeables impossible impossibles inutile inutiles exclu exclue exclus exclues ' +
    'anodin anodine anodins anodines insignifiant insignifiante insignifiants insignifiantes ' +
    'uncommon unusual negligible impossible unlikely'
  ).split(' '),
);
/**
 * A negated bound is a maximum, not a denial: "ne pas dépasser 4 g", "sans dépasser", "pas plus
 * de 3 prises", "no more than 4 g" all say what "4 g au maximum" says.
 */
const BOUND = /^(?:depass|exced|exceed)/u;
/** Words before "pas" that make it the noun "step": "à petits pas", "pas à pas", "un premier pas". */
const STEP_BEFORE = new Set([
  'un',
  'le',
  'les',
  'des',
  'ses',
  'ces',
  'petit',
  'petits',
  'premier',
  'premiers',
  'faux',
  'quelques',
]);
/** Determiners that make "personne" the noun "person": "la personne âgée ne sort que le matin". */
const DETERMINERS = new Set([
  'la',
  'une',
  'chaque',
  'cette',
  'toute',
  'sa',
  'ma',
  'ta',
  'votre',
  'notre',
  'leur',
]);
const WINDOW = 6;
const SCOPE = 5;

const STOP_WORDS = new Set(
  (
    'le la les l un une des du de d et ou a au aux en dans par pour sur avec chez ce cet cette ces se s son sa ' +
    'ses leur leurs il ils elle elles on nous vous je tu qui que qu quoi dont est sont etait etaient ete etre ' +
    'ont avait avaient sera seront fait faire plus moins tres bien aussi comme mais donc or car si tout tous ' +
    'toute toutes y lors apres avant entre selon sous ainsi cela ceci celui celle ceux meme autre autres deja ' +
    'encore ne n c j m t ' +
    'the an of to in on for with by at from and or but is are was were be been being it its this that these ' +
    'those as than which who whom there their they them he she his her we our you your has have had do does ' +
    'did will would can could should may might must also such into over under about between after before during'
  ).split(' '),
);

// Every token is checked against most of the lists above: one lookup says which it is on.
const IS_NE = 1;
const IS_PARTNER = 2;
const IS_STANDALONE = 4;
const IS_PROHIBITION = 8;
const IS_LITOTES = 16;
const IS_STOP_WORD = 32;
/** Not on the lists, and long enough or a figure: a word that says something. */
const IS_CONTENT = 64;
const NOT_CONTENT = IS_NE | IS_PARTNER | IS_STANDALONE | IS_STOP_WORD;
const KINDS = new Map<string, number>();
for (const [list, kind] of [
  [NE, IS_NE],
  [PARTNERS, IS_PARTNER],
  [STANDALONE, IS_STANDALONE],
  [PROHIBITIONS, IS_PROHIBITION],
  [LITOTES, IS_LITOTES],
  [STOP_WORDS, IS_STOP_WORD],
] as const) {
  for (const word of list) KINDS.set(word, (KINDS.get(word) ?? 0) | kind);
}

/** The lists above as one table, looked up by the hash the lexicon computes as it reads a word. */
const LISTED = new WordTable();
const LISTED_KINDS: number[] = [];
for (const [word, kind] of KINDS) {
  LISTED.add(word, wordHash(word, 0, word.length));
  LISTED_KINDS.push(kind);
}

const VOCABULARY: Vocabulary = {
  kindOf(token, hash) {
    const listed = LISTED.find(token, 0, token.length, hash);
    const kind = listed === -1 ? 0 : (LISTED_KINDS[listed] as number);
    return (kind & NOT_CONTENT) === 0 && hasContent(token) ? kind | IS_CONTENT : kind;
  },
  stemLength: (token, kind) => ((kind & (IS_CONTENT | IS_LITOTES)) === 0 ? 0 : stemLength(token)),
  keepsWhole: (token) => PROHIBITIONS.has(token),
};

/** A lexicon for this grader's words: one per output graded, shared by the texts compared. */
export function newLexicon(): Lexicon {
  return new Lexicon(VOCABULARY);
}

/** The negations of a clause: what `polarity` says but its content, with stems as lexicon numbers. */
export interface Negations {
  count: number;
  scope: number[];
  negatedLitotes: number[];
  plainLitotes: number[];
}

/**
 * The negations of a clause, French and English: "ne … pas" and its partners (one negation
 * however many partners), "aucun … ne", "sans", "non", "ni … ni", "not", "never", "without",
 * and prohibitions ("déconseillé"). Litotes ("pas rare"), "not only" and negated bounds ("ne pas
 * dépasser") are not negations: a faithful paraphrase writes them without one.
 */
export function polarity(text: string): Polarity {
  const lexicon = newLexicon();
  const words = wordsOfPart(text, lexicon);
  const stems = (ids: number[]) => new Set(ids.map((id) => lexicon.stems[id] as string));
  const found = negationsOf(words, 0, words.entries.length);
  return {
    content: stems(contentOf(words, 0, words.entries.length)),
    negations: found.count,
    scope: stems(found.scope),
    litotes: { negated: stems(found.negatedLitotes), plain: stems(found.plainLitotes) },
  };
}

/** The distinct stems of the content words among words [from, to), in the order met. */
export function contentOf(words: Words, from: number, to: number): number[] {
  const { lexicon, entries } = words;
  const content: number[] = [];
  lexicon.newList();
  for (let i = from; i < to; i++) {
    const entry = entries[i] as number;
    if (((lexicon.kinds[entry] as number) & IS_CONTENT) === 0) continue;
    const stemId = lexicon.stemIds[entry] as number;
    if (lexicon.firstInList(stemId)) content.push(stemId);
  }
  return content;
}

/** What `polarity` says of the clause made of words [from, to), but its content. */
export function negationsOf(words: Words, from: number, to: number): Negations {
  const { lexicon, entries } = words;
  const kindAt = (i: number) => (i < from ? 0 : (lexicon.kinds[entries[i] as number] as number));
  const negatedLitotes: number[] = [];
  const plainLitotes: number[] = [];
  let marked = false;
  for (let i = from; i < to; i++) {
    const kind = kindAt(i);
    if ((kind & (IS_NE | IS_STANDALONE | IS_PROHIBITION)) !== 0) marked = true;
    if ((kind & IS_LITOTES) === 0) continue;
    const negated = ((kindAt(i - 1) | kindAt(i - 2)) & (IS_STANDALONE | IS_PARTNER)) !== 0;
    const litotes = negated ? negatedLitotes : plainLitotes;
    const stemId = lexicon.stemIds[entries[i] as number] as number;
    if (!litotes.includes(stemId)) litotes.push(stemId);
  }
  // Most clauses hold no word that can mark a negation.
  if (!marked) return { count: 0, scope: [], negatedLitotes, plainLitotes };
  const clause = entries.slice(from, to);
  const tokens = clause.map((entry) => lexicon.tokens[entry] as string);
  const kinds = clause.map((entry) => lexicon.kinds[entry] as number);
  const markers = negationMarkers(tokens, kinds);
  const scope: number[] = [];
  lexicon.newList();
  for (const [first, last] of markers) {
    const end = Math.min(clause.length, last + 1 + SCOPE);
    for (let j = first + 1; j < end; j++) {
      if (((kinds[j] as number) & IS_CONTENT) === 0) continue;
      const stemId = lexicon.stemIds[clause[j] as number] as number;
      if (lexicon.firstInList(stemId)) scope.push(stemId);
    }
  }
  return { count: markers.length, scope, negatedLitotes, plainLitotes };
}

/** Each negation of a clause as the token range whose following words it bears on. */
function negationMarkers(tokens: readonly string[], kinds: readonly number[]): Array<[number, number]> {
  const count = tokens.length;
  const is = (i: number, kind: number) => ((kinds[i] ?? 0) & kind) !== 0;
  const consumed = new Set<number>();
  const markers: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    if (!is(i, IS_NE)) continue;
    let partner = -1;
    for (let j = i + 1; j < i + 1 + WINDOW && j < count; j++) {
      if ((is(j, IS_PARTNER) && !consumed.has(j)) || tokens[j] === 'que') {
        partner = j;
        break;
      }
    }
    // "ne … que" is "only", whatever comes before it.
    if (partner !== -1 && tokens[partner] === 'que') continue;
    const subject = subjectBefore(tokens, i, consumed);
    // "Aucun effet n'a pas été…": "pas" never joins "aucun" in one negation, so these are two.
    if (
      partner !== -1 &&
      subject !== -1 &&
      tokens[partner] === 'pas' &&
      CONCORD_SUBJECTS.has(tokens[subject] ?? '')
    ) {
      consumed.add(subject);
      markers.push([subject, i]);
    }
    if (partner === -1) partner = subject;
    if (partner === -1) continue;
    for (let j = Math.max(0, i - WINDOW); j <= i + WINDOW && j < count; j++) {
      if (is(j, IS_PARTNER)) consumed.add(j);
    }
    if (cancelled(tokens, Math.min(i, partner), Math.max(i, partner))) continue;
    // "aucun effet grave n'a été observé": the subject between the partner and "ne" is in scope too.
    markers.push(partner < i ? [partner, i] : [partner, partner]);
  }
  let nor = false;
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as string;
    if (is(i, IS_PROHIBITION)) {
      // "L'alcool est déconseillé": what is forbidden may come before the word.
      markers.push([Math.max(-1, i - 4), i]);
      continue;
    }
    if (!is(i, IS_STANDALONE) || consumed.has(i)) continue;
    if (NOT_NEGATIONS.has(`${token} ${tokens[i + 1] ?? ''}`)) continue;
    if (token === 'pas' && isStep(tokens, i)) continue;
    // "ni A ni B" is one negation.
    if (token === 'ni') {
      if (nor) continue;
      nor = true;
    }
    // "sans aucun", "pas de rien": negative concord, still one negation.
    for (let j = i + 1; j <= i + 2 && j < count; j++) if (is(j, IS_PARTNER)) consumed.add(j);
    if (!cancelled(tokens, i, i)) markers.push([i, i]);
  }
  return markers;
}

/** The n-word before "ne" that may be its partner, as its subject ("aucun effet n'a été observé"), or -1. */
function subjectBefore(tokens: readonly string[], ne: number, consumed: ReadonlySet<number>): number {
  for (let j = ne - 1; j >= Math.max(0, ne - WINDOW); j--) {
    const word = tokens[j] ?? '';
    const noun = word === 'personne' && DETERMINERS.has(tokens[j - 1] ?? '');
    if (SUBJECTS.has(word) && !consumed.has(j) && !noun) return j;
  }
  return -1;
}

/** A negation from `from` to `to` that says "only", a litotes or a bound rather than "not". */
function cancelled(tokens: readonly string[], from: number, to: number): boolean {
  const after = tokens.slice(to + 1, to + 3);
  if (after.some((token) => ONLY.has(token) || LITOTES.has(token))) return true;
  // "ne pas dépasser", "ne dépasse pas", "sans dépasser", "pas plus de", "no more than".
  const next = tokens[to + 1] ?? '';
  const between = tokens.slice(from + 1, to);
  if (/^(?:plus|more)$/.test(next)) return /^(?:de|d|que|qu|than)$/.test(tokens[to + 2] ?? '');
  return [...between, next].some((token) => BOUND.test(token));
}

function isStep(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1] ?? '';
  const stepByStep =
    (before === 'a' && tokens[i - 2] === 'pas') || (tokens[i + 1] === 'a' && tokens[i + 2] === 'pas');
  return STEP_BEFORE.has(before) || stepByStep;
}

/** A word that is on none of the lists of function words says something: long enough, or a figure. */
function hasContent(token: string): boolean {
  return token.length >= 3 || /\d/.test(token);
}

/** A crude stem that lets "réduit" meet "réduite" and "diminution" meet "diminue". */
export function stem(token: string): string {
  return token.slice(0, stemLength(token));
}

/** How long the stem of a token is: it is the token's start. */
function stemLength(token: string): number {
  const singular = token.length > 3 && token.endsWith('s') ? token.length - 1 : token.length;
  return Math.min(singular, 6);
}
