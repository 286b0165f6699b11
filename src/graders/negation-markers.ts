import { foldText } from './text/normalize.js';

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

/**
 * The negations of a clause, French and English: "ne … pas" and its partners (one negation
 * however many partners), "aucun … ne", "sans", "non", "ni … ni", "not", "never", "without",
 * and prohibitions ("déconseillé"). Litotes ("pas rare"), "not only" and negated bounds ("ne pas
 * dépasser") are not negations: a faithful paraphrase writes them without one.
 */
export function polarity(text: string): Polarity {
  const tokens =
    foldText(text)
      .replace(/n't\b/g, ' not')
      .match(/[\p{L}\p{N}]+(?:-[\p{L}]+)*/gu)
      ?.flatMap((token) => (PROHIBITIONS.has(token) ? [token] : token.split('-'))) ?? [];
  const consumed = new Set<number>();
  // Each negation as the token range whose following words it bears on.
  const markers: Array<[number, number]> = [];
  tokens.forEach((token, i) => {
    if (!NE.has(token)) return;
    const forward = tokens
      .slice(i + 1, i + 1 + WINDOW)
      .findIndex((t, k) => (PARTNERS.has(t) && !consumed.has(i + 1 + k)) || t === 'que');
    // "ne … que" is "only", whatever comes before it.
    if (forward !== -1 && tokens[i + 1 + forward] === 'que') return;
    let partner = forward === -1 ? -1 : i + 1 + forward;
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
    if (partner === -1) return;
    for (let j = Math.max(0, i - WINDOW); j <= i + WINDOW && j < tokens.length; j++) {
      if (PARTNERS.has(tokens[j] ?? '')) consumed.add(j);
    }
    if (cancelled(tokens, Math.min(i, partner), Math.max(i, partner))) return;
    // "aucun effet grave n'a été observé": the subject between the partner and "ne" is in scope too.
    markers.push(partner < i ? [partner, i] : [partner, partner]);
  });
  let nor = false;
  tokens.forEach((token, i) => {
    if (PROHIBITIONS.has(token)) {
      // "L'alcool est déconseillé": what is forbidden may come before the word.
      markers.push([Math.max(-1, i - 4), i]);
      return;
    }
    if (consumed.has(i) || !STANDALONE.has(token)) return;
    if (NOT_NEGATIONS.has(`${token} ${tokens[i + 1] ?? ''}`)) return;
    if (token === 'pas' && isStep(tokens, i)) return;
    // "ni A ni B" is one negation.
    if (token === 'ni') {
      if (nor) return;
      nor = true;
    }
    // "sans aucun", "pas de rien": negative concord, still one negation.
    for (let j = i + 1; j <= i + 2 && j < tokens.length; j++)
      if (PARTNERS.has(tokens[j] ?? '')) consumed.add(j);
    if (!cancelled(tokens, i, i)) markers.push([i, i]);
  });
  const scope = new Set<string>();
  for (const [from, to] of markers) {
    for (const token of tokens.slice(from + 1, to + 1 + SCOPE)) if (isContent(token)) scope.add(stem(token));
  }
  const content = new Set(tokens.filter(isContent).map(stem));
  const litotes = { negated: new Set<string>(), plain: new Set<string>() };
  tokens.forEach((token, i) => {
    if (!LITOTES.has(token)) return;
    const negated = tokens.slice(Math.max(0, i - 2), i).some((t) => STANDALONE.has(t) || PARTNERS.has(t));
    (negated ? litotes.negated : litotes.plain).add(stem(token));
  });
  return { content, negations: markers.length, scope, litotes };
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

function isContent(token: string): boolean {
  if (STOP_WORDS.has(token) || STANDALONE.has(token) || PARTNERS.has(token) || NE.has(token)) return false;
  return /\d/.test(token) || token.length >= 3;
}

/** A crude stem that lets "réduit" meet "réduite" and "diminution" meet "diminue". */
export function stem(token: string): string {
  const singular = token.length > 3 && token.endsWith('s') ? token.slice(0, -1) : token;
  return singular.slice(0, 6);
}
