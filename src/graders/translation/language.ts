import { francOnly } from './franc.js';

/**
 * ISO 639-1 codes of the languages franc-min can tell apart, to the ISO 639-3 codes it answers
 * with. Where franc-min knows a macrolanguage by one member, that member stands for it: Arabic is
 * Modern Standard Arabic ("arb"), Persian is Iranian Persian ("pes"), Chinese is Mandarin ("cmn").
 */
const ISO_639_3: Record<string, string> = {
  am: 'amh',
  ar: 'arb',
  az: 'azj',
  be: 'bel',
  bg: 'bul',
  bn: 'ben',
  bs: 'bos',
  cs: 'ces',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  fa: 'pes',
  ff: 'fuv',
  fr: 'fra',
  gu: 'guj',
  ha: 'hau',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  id: 'ind',
  ig: 'ibo',
  it: 'ita',
  ja: 'jpn',
  jv: 'jav',
  kk: 'kaz',
  kn: 'kan',
  ko: 'kor',
  ku: 'ckb',
  ln: 'lin',
  mg: 'plt',
  ml: 'mal',
  mr: 'mar',
  ms: 'zlm',
  my: 'mya',
  ne: 'npi',
  nl: 'nld',
  ny: 'nya',
  pa: 'pan',
  pl: 'pol',
  ps: 'pbu',
  pt: 'por',
  ro: 'ron',
  rn: 'run',
  ru: 'rus',
  rw: 'kin',
  si: 'sin',
  so: 'som',
  sr: 'srp',
  su: 'sun',
  sv: 'swe',
  sw: 'swh',
  ta: 'tam',
  te: 'tel',
  th: 'tha',
  tl: 'tgl',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  uz: 'uzn',
  vi: 'vie',
  yo: 'yor',
  zh: 'cmn',
  zu: 'zul',
};

// Prompts in a French suite often name the language in words ("Traduisez en {{target_language}}").
const NAMES: Record<string, string> = {
  anglais: 'en',
  english: 'en',
  espagnol: 'es',
  spanish: 'es',
  espanol: 'es',
  portugais: 'pt',
  portuguese: 'pt',
  allemand: 'de',
  german: 'de',
  italien: 'it',
  italian: 'it',
  arabe: 'ar',
  arabic: 'ar',
  francais: 'fr',
  french: 'fr',
  russe: 'ru',
  russian: 'ru',
  ukrainien: 'uk',
  ukrainian: 'uk',
  roumain: 'ro',
  romanian: 'ro',
  turc: 'tr',
  turkish: 'tr',
  polonais: 'pl',
  polish: 'pl',
  neerlandais: 'nl',
  dutch: 'nl',
  chinois: 'zh',
  chinese: 'zh',
  vietnamien: 'vi',
  vietnamese: 'vi',
  persan: 'fa',
  persian: 'fa',
  dari: 'fa',
  pachto: 'ps',
  pashto: 'ps',
  ourdou: 'ur',
  urdu: 'ur',
  bengali: 'bn',
  tamoul: 'ta',
  tamil: 'ta',
  swahili: 'sw',
  somali: 'so',
  amharique: 'am',
  amharic: 'am',
  peul: 'ff',
  fula: 'ff',
  lingala: 'ln',
};

const ALIASES_639_3 = new Map(Object.entries(ISO_639_3).map(([two, three]) => [three, two]));

export interface TargetLanguage {
  /** As given, for reasons. */
  label: string;
  /** The ISO 639-3 code franc-min answers with, or undefined when it cannot recognise the language. */
  franc: string | undefined;
}

/**
 * Reads a language as a suite may write it: "en", "pt-BR", "eng", "anglais", "English".
 * Returns undefined for what is no language code or name at all.
 */
export function parseLanguage(value: string): TargetLanguage | undefined {
  if (parsed.has(value)) return parsed.get(value);
  const language = parse(value);
  // A suite names a handful of languages: the bound only guards against a template gone wild.
  if (parsed.size >= 256) parsed.clear();
  parsed.set(value, language);
  return language;
}

/**
 * What parseLanguage gave each value: every grade reads its case's target language, and
 * folding the name costs more than the look-up. Callers only read what it returns.
 */
const parsed = new Map<string, TargetLanguage | undefined>();

function parse(value: string): TargetLanguage | undefined {
  const label = value.trim();
  const folded = label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const named = NAMES[folded];
  if (named) return { label, franc: ISO_639_3[named] };
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/.exec(folded);
  if (!tag) return undefined;
  const primary = tag[1] as string;
  if (primary.length === 2) return { label, franc: ISO_639_3[primary] };
  // "ara", "zho", "fas" are the macrolanguage codes a person may write for what franc calls otherwise.
  const macro: Record<string, string> = { ara: 'arb', zho: 'cmn', fas: 'pes', msa: 'zlm', swa: 'swh' };
  const three = macro[primary] ?? primary;
  return { label, franc: ALIASES_639_3.has(three) ? three : undefined };
}

/** ISO 639-3 back to a short name for reasons: "arb" → "ar". */
export function shortCode(code: string): string {
  return ALIASES_639_3.get(code) ?? code;
}

/** Below this many letters a trigram guess is not worth failing a case on. */
export const MIN_LETTERS = 40;

export type Detection =
  | { kind: 'detected'; code: string }
  | { kind: 'too-short'; letters: number }
  /** Enough text, but none of the candidates fits: its script belongs to none of them. */
  | { kind: 'unknown' };

/**
 * The most likely of `candidates` (ISO 639-3) for the text. Restricting franc to the plausible
 * languages (the target, French, English) is what makes a short answer reliable: among all
 * 80 it knows, 56 letters of German can read as Dutch.
 */
export function detectLanguage(text: string, candidates: readonly string[]): Detection {
  const letters = letterCount(text);
  if (letters < MIN_LETTERS) return { kind: 'too-short', letters };
  const code = francOnly(text, candidates);
  return code === 'und' ? { kind: 'unknown' } : { kind: 'detected', code };
}

const LETTER = /^\p{L}$/u;
/** 1 for each BMP unit that is a letter: built on first use, read once per unit of every output. */
let bmpLetters: Uint8Array | undefined;

function letterTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    // A lone surrogate is no letter.
    if (unit < 0xd800 || unit > 0xdfff) table[unit] = LETTER.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return table;
}

/** How many letters (code points) the text has: what /\p{L}/gu matches, without a string per match. */
export function letterCount(text: string): number {
  bmpLetters ??= letterTable();
  const letters = bmpLetters;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (LETTER.test(text.slice(i, i + 2))) count++;
        i++;
        continue;
      }
    }
    count += letters[unit] as number;
  }
  return count;
}
