/**
 * The word lists the name detector reasons with: dictionaries of frequent French first names and
 * surnames (compiled for this project from public INSEE frequencies, see data/), and the
 * capitalised words that look like names but are not.
 */
import { foldText } from '../../text/normalize.js';
import firstNames from '../data/first-names.json' with { type: 'json' };
import surnames from '../data/surnames.json' with { type: 'json' };

export const FIRST_NAMES: ReadonlySet<string> = new Set(firstNames.map(foldText));
export const SURNAMES: ReadonlySet<string> = new Set(surnames.map(foldText));

/**
 * First names that are also ordinary words ("Rose", "Pierre", "Claire", "Marc"), often capitalised
 * at the start of a sentence: they count only before a known surname or a surname in capitals.
 */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  [
    'rose',
    'pierre',
    'claire',
    'marine',
    'ambre',
    'jade',
    'iris',
    'victoire',
    'constance',
    'capucine',
    'blanche',
    'flore',
    'diane',
    'maxime',
    'clement',
    'noel',
    'pascal',
    'martin',
    'romain',
    'marc',
    'olivier',
    'honore',
    'germain',
    'prosper',
    'carmen',
    'stella',
    'laure',
  ].map(foldText),
);

/** Courtesy and professional titles that announce a person's name. */
export const TITLES: ReadonlySet<string> = new Set([
  'M',
  'MM',
  'Mme',
  'MME',
  'Mmes',
  'Mlle',
  'MLLE',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'DR',
  'Dre',
  'Pr',
  'PR',
  'Prof',
]);
/** Titles written out, recognised in any case ("Madame", "MADAME", "madame"). */
export const LONG_TITLES: ReadonlySet<string> = new Set([
  'monsieur',
  'madame',
  'mademoiselle',
  'docteur',
  'docteure',
  'professeur',
  'professeure',
]);

/** Capitalised after a title but naming a function, not a person ("Monsieur le Maire"). */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'president',
  'presidente',
  'directeur',
  'directrice',
  'ministre',
  'maire',
  'prefet',
  'prefete',
  'depute',
  'deputee',
  'senateur',
  'senatrice',
  'recteur',
  'rectrice',
  'doyen',
  'doyenne',
  'juge',
  'procureur',
  'junior',
  'honoraire',
  'emerite',
  'agrege',
  'agregee',
  'associe',
  'associee',
  'chef',
  'cheffe',
]);

/** Name particles: part of a surname ("Le Goff", "Da Silva"), never a name on their own. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'le',
  'la',
  'de',
  'du',
  'des',
  'da',
  'di',
  'dos',
  'van',
  'von',
  'ben',
]);

/** Capitalised words that follow a first name without being a surname ("Marie Et", "Louis Lundi"). */
export const NOT_SURNAMES: ReadonlySet<string> = new Set(
  [
    ...'le la les l un une des du de d et ou mais donc or ni car en au aux a il elle ils elles on nous vous je tu ce cet cette ces son sa ses leur leurs mon ma mes notre votre qui que dont pour par avec sans sur sous dans chez selon apres avant depuis pendant vers entre contre'.split(
      ' ',
    ),
    ...'the and of in at to for with is was from by'.split(' '),
    ...'saint sainte st ste bonjour merci cordialement oui non madame monsieur docteur professeur'.split(' '),
    ...'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' '),
    ...'january february march april may june july august september october november december'.split(' '),
    ...'lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday'.split(
      ' ',
    ),
  ].map(foldText),
);

/**
 * Words that, just before a name, make it the name of a place or thing: "hôpital Georges
 * Pompidou", "lycée Jean Moulin", "rue Victor Hugo", "syndrome de Charles Bonnet".
 */
export const NAMESAKE_WORDS: ReadonlySet<string> = new Set(
  [
    'hopital',
    'hopitaux',
    'chu',
    'chr',
    'chi',
    'ch',
    'clinique',
    'institut',
    'centre',
    'fondation',
    'lycee',
    'college',
    'ecole',
    'universite',
    'faculte',
    'campus',
    'rue',
    'avenue',
    'av',
    'boulevard',
    'bd',
    'place',
    'quai',
    'allee',
    'impasse',
    'square',
    'pont',
    'cours',
    'chemin',
    'route',
    'parc',
    'residence',
    'ehpad',
    'maison',
    'groupe',
    'groupement',
    'hospitalier',
    'hospitaliere',
    'pavillon',
    'batiment',
    'service',
    'unite',
    'salle',
    'amphitheatre',
    'amphi',
    'prix',
    'maladie',
    'syndrome',
    'signe',
    'test',
    'echelle',
    'score',
    'methode',
    'loi',
    'plan',
    'laboratoire',
    'laboratoires',
    'association',
    'stade',
    'gare',
    'station',
    'metro',
    'cite',
    'espace',
    'foyer',
    'pole',
    'site',
    'musee',
    'theatre',
    'bibliotheque',
    'mediatheque',
    'saint',
    'sainte',
    'st',
    'ste',
    'pl',
  ].map(foldText),
);

/** Capitalised abbreviations common in health texts, never a surname in capitals. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  'CHU CHR EHPAD SAMU SMUR IRM PMI MDPH CPAM CARSAT MSA CAF APA DMP INS NIR NIA RPPS ADELI FINESS SIRET SIREN IBAN CNIL RGPD ANSM INSERM INSEE OMS WHO CMP CMU AME ALD HTA AVC BPCO SIDA COVID SARS TDAH CIM IMC ECG EEG CRP PCR AVEC HAS ARS IDE AIDE URGENCES NOTE RAPPEL ATTENTION IMPORTANT PATIENT PATIENTE NOM PRENOM DATE ADRESSE TEL MAIL EMAIL'.split(
    ' ',
  ),
);
