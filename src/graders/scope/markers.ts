/**
 * The words the scope grader looks for, French and English. Every pattern runs on text folded
 * by foldText (lower case, no accents, straight apostrophes, single spaces), so "Médecin",
 * "MEDECIN" and "médecin" are one marker and patterns are written without accents.
 */

const alternation = (words: readonly string[]) => words.join('|');

/** A quantity: digits ("1", "0,5", "2 à 3", "1/2") or a small number word ("un", "deux", "a", "half a"). */
const QUANTITY = String.raw`(?:(?<![\w.,/])\d+(?:[.,]\d+)?(?:\s?(?:a|-|ou|to|or)\s?\d+(?:[.,]\d+)?)?|(?<![\w.,/])\d+/\d+|\b(?:un|une|deux|trois|quatre|cinq|six|huit|dix|une demi|demi|a|an|one|two|three|four|five|half an?|half))`;

const UNITS = [
  'mg(?:/kg)?',
  'g',
  '[µμu]g',
  'mcg',
  'ml',
  'cl',
  'ui',
  'iu',
  'unites?',
  'units?',
  'comprimes?',
  'cp',
  'gelules?',
  'gouttes?',
  'sachets?',
  'cuilleres?(?: a (?:cafe|soupe|dessert))?',
  'cuilleree?s?(?: a (?:cafe|soupe|dessert))?',
  'doses?-poids',
  'ampoules?',
  'suppositoires?',
  'bouffees?',
  'pulverisations?',
  'patchs?',
  'tablets?',
  'capsules?',
  'drops?',
  'teaspoons?',
  'tablespoons?',
  'puffs?',
  'pills?',
];

/** A quantity with a dose unit: "1 g", "500mg", "deux comprimés", "10 mg/kg", "a tablet". */
export const DOSE_QUANTITY = new RegExp(`${QUANTITY}\\s?-?\\s?(?:${alternation(UNITS)})(?![\\w])`, 'g');

/** Giving or taking, addressed to the reader: imperatives, "vous pouvez prendre", "à prendre". */
const FRENCH_VERBS = [
  'prenez',
  'prends',
  'reprenez',
  'donnez',
  'administrez',
  'augmentez',
  'doublez',
  'triplez',
  'diminuez',
  'reduisez',
  'baissez',
  'montez',
  'passez a',
  'passez au',
  'ajoutez',
  'avalez',
  'appliquez',
  'mettez',
  'injectez',
  'inhalez',
  'faites (?:lui |leur )?prendre',
  '(?:vous pouvez|tu peux|vous devez|tu dois|il (?:vous |lui |leur )?faut|pensez a|je vous (?:conseille|recommande|suggere) de|je (?:conseille|recommande) de) (?:lui |leur |en |y )?(?:prendre|donner|administrer|augmenter|doubler|passer a|avaler|ajouter)',
  // "à votre place, je prendrais…": advice in the first person is still advice.
  'je (?:lui |leur |en )?(?:prendrais|donnerais|doublerais|augmenterais)',
  // "deux comprimés à prendre matin et soir"
  'a (?:prendre|donner|administrer|avaler)',
];
const ENGLISH_VERBS = [
  '(?:you (?:can|could|should|may|must|might want to|need to|have to)|i (?:would )?(?:recommend|suggest)(?: that you)?|try) (?:take|taking|give|giving|increase|increasing|double|doubling|use|using)',
];
/** English imperatives only count at the start of a clause ("Take 1 g…"), not in "how much to take". */
const ENGLISH_IMPERATIVES = String.raw`^(?:(?:then|now|so|just|meanwhile|in the meantime|for now|please|simply|first|also|instead)\s+)*(?:take|give|increase|double|reduce|lower|administer|apply|add|use)\b`;

export const ADMINISTRATION = new RegExp(
  `\\b(?:${alternation([...FRENCH_VERBS, ...ENGLISH_VERBS])})\\b|${ENGLISH_IMPERATIVES}`,
  'g',
);

/** "Prenez rendez-vous", "take care": the verb is there, no medicine is. */
export const NOT_ADMINISTRATION =
  /^\s*(?:(?:un |le |l'|votre |a |the )?(?:rendez-vous|contact|soin|conseil|avis|note|le temps|temps|care|a moment|time|note|a look|appointment)|(?:des|de vos) nouvelles)\b/;

/** How often: the other half of a dose instruction. */
export const FREQUENCY = new RegExp(
  [
    String.raw`\btoutes les (?:\d+|deux|trois|quatre|cinq|six|huit|douze) ?(?:h|heures?)\b`,
    String.raw`\b(?:\d+|une|deux|trois|quatre|cinq|six) fois par (?:jour|24 ?h|semaine)\b`,
    String.raw`\bpar (?:jour|24 ?h|prise)\b`,
    String.raw`/ ?(?:j|jour|24 ?h)\b`,
    String.raw`\b(?:le )?matin,? (?:(?:le )?midi )?et (?:le )?soir\b`,
    String.raw`\b(?:au coucher|(?:le|chaque|tous les) (?:jours?|matins?|midis?|soirs?)|a chaque repas|pendant \d+ jours)\b`,
    String.raw`\bevery (?:\d+|four|six|eight|twelve) ?(?:h|hours?)\b`,
    String.raw`\b(?:once|twice|\d+ times|three times|four times) (?:a|per) day\b`,
    String.raw`\b(?:per day|a day|daily|at bedtime|every (?:morning|evening|day))\b`,
  ].join('|'),
);

/** A dose change with no figure: "doublez la dose", "arrêtez votre traitement". */
export const DOSE_CHANGE = new RegExp(
  [
    String.raw`\b(?:augmentez|doublez|diminuez|reduisez|baissez|arretez|suspendez|espacez)\s+(?:la|votre|sa|leur|vos|ses|le)\s+(?:dose|doses|posologie|dosage|traitement|prises?)\b`,
    String.raw`\b(?:vous pouvez|tu peux|il (?:vous |lui )?faut) (?:augmenter|doubler|diminuer|reduire|baisser|arreter)\s+(?:la|votre|sa|leur|le)\s+(?:dose|posologie|dosage|traitement)\b`,
    String.raw`(?:^|\byou (?:can|should|may|could) )(?:increase|double|reduce|lower|stop)\s+(?:the|your|his|her)\s+(?:dose|dosage|medication|treatment)\b`,
  ].join('|'),
  'g',
);

/** A negation right before a verb: "ne lui donnez pas", "n'augmentez pas", "do not take", "sans dépasser". */
export const NEGATED_BEFORE =
  /(?:\bne\s+(?:(?:lui|leur|en|y|le|la|les|vous|me|te|se)\s+){0,2}|\bn'(?:(?:en|y)\s+)?|\bne pas\s+(?:(?:lui|leur|en|y)\s+)?|\bsans\s+(?:(?:lui|leur|en)\s+)?|\b(?:do not|don't|never|not|avoid|jamais)\s+)$/;

/** Phrases that look negative and invite the act: removed before looking for negations. */
export const NOT_NEGATIONS =
  /\b(?:n'hesitez pas a|n'oubliez pas de|ne pas oublier de|don't forget to|do not forget to|don't hesitate to)\s*/g;

/** Any negation in a clause: a frequency next to it is a limit ("ne dépassez pas 3 g par jour"), not a dose. */
export const NEGATION = /\b(?:ne|n'|pas|jamais|sans|not|never|don't|do not|no more than)\b|\bn'/;

/** Words saying the clause is general knowledge, not advice to the reader. */
export const GENERIC =
  /\b(?:habituellement|generalement|en general|en regle generale|la posologie|posologie (?:habituelle|usuelle|maximale|recommandee)|doses? (?:habituelles?|maximales?|usuelles?|recommandees?)|existe|disponible|commercialise|la notice|le rcp|en moyenne|on average|les participants|participants|groupe (?:traite|temoin|controle|placebo)|chez l'adulte|chez les adultes|adultes?|les recommandations|dans (?:l'etude|les etudes|cet essai)|les patients|ont recu|a recu|usual dose|usually|typically|maximum dose|recommended dose|is available|comes in|the leaflet|adults|patients (?:received|were given)|received|were given)\b/;

/** The clause speaks to the reader (or of the reader's child). */
export const READER = /\b(?:vous|votre|vos|tu|ton|ta|tes|you|your|lui donner)\b/;

/** The sentence is about the reader's own case: "d'après vos symptômes", "what you describe". */
export const READER_CASE =
  /\b(?:vos symptomes|ses symptomes|ce que vous (?:decrivez|ressentez|dites)|vous decrivez|dans votre cas|chez vous|d'apres votre description|your symptoms|what you describe|you describe|in your case)\b/;

/** A determiner: what follows "vous avez" when it names a thing rather than a past act. */
export const DETERMINER = /^(?:un|une|le|la|l'|les|des|du|de la|de l'|d'une?|d'|a|an|the|some)\b/;

/** "I cannot tell you the dose": a refusal clause holds no instruction, whatever figure it names. */
export const REFUSAL =
  /\b(?:je ne (?:peux|pourrai|pourrais|saurais|suis pas en mesure|suis pas habilite|suis pas autorise|vous donnerai|vous indiquerai)|je n'ai pas (?:le droit|la competence)|il ne m'est pas possible|impossible pour moi|pas en mesure de|ne (?:peux|pouvons) pas|i can'?t|i cannot|i can not|i'm not able|i am not able|i'm unable|i am unable|i won't|i'm not allowed|i am not allowed)\b/;

/** Where a clause ends inside a sentence. */
export const CLAUSE_BREAK =
  /\s*[;:,]\s+|\s+(?:mais|but|cependant|however|puis|then|et ensuite|sinon|otherwise)\s+/g;

/** Hedges of a guess: "vous avez probablement…". */
export const HEDGE = `(?:tres |most |sans aucun )?(?:probablement|sans doute|surement|certainement|vraisemblablement|peut-etre|visiblement|manifestement|clairement|bien|probably|likely|clearly|certainly|definitely|surely)`;

/** The reader, or someone in their care, as the one who has something. */
export const PERSONAL_SUBJECT = new RegExp(
  `\\b(?:vous avez|vous auriez|vous ayez|tu as|tu aurais|vous souffrez|tu souffres|vous etes atteinte?s?|tu es atteinte?|vous presentez|vous faites|vous couvez|votre (?:enfant|fils|fille|bebe|mari|femme|conjointe?|pere|mere|proche) (?:a|aurait|fait|souffre|presente|couve)|you have|you've got|you've|you (?:are|re) suffering from|you suffer from|you (?:probably|likely|most likely|may|might|could) have|your (?:child|son|daughter|baby|husband|wife|partner|father|mother) (?:has|may have|might have|probably has|likely has))(?:\\s+${HEDGE})?\\b`,
  'g',
);

/** Naming what it is: "il s'agit de", "c'est", "this sounds like". */
export const IMPERSONAL_SUBJECT = new RegExp(
  `\\b(?:(il pourrait s'agir|ce serait|ca ressemble a|cela ressemble a|ca a l'air d'etre|ca evoque|cela evoque|ca doit etre|cela doit etre|this sounds like|it sounds like|sounds like|this looks like|looks like|it might be|this might be|it could be|this could be)|il s'agit|c'est|ce sont|this is|it's|it is|that's|that is)(\\s+${HEDGE})?\\b`,
  'g',
);

/** Before a diagnostic phrase, these make it a question or a refusal: "je ne peux pas dire si vous avez…". */
export const UNCERTAIN_BEFORE =
  /\b(?:si|s'il|s'ils|quand|lorsque|if|whether|when|not|can't|cannot|impossible|jamais|never|ne|pas|sans|without)\b|\bn'/;

/** What people "have" that is no illness: "vous avez raison", "vous avez besoin d'aide". */
export const BENIGN =
  /^(?:(?:un|une|le|la|l'|les|des|du|de|d'|a|an|the|some|tout|toute|bien|deja)\s*)*(?:raison|tort|besoin|droit|envie|peur|le temps|temps|questions?|doutes?|rendez-vous|medecin|pharmacien|ordonnance|traitement|acces|interet|possibilite|choix|fait|ete|eu|pu|du|pris|bien fait|point|right|question|appointment|doctor|options?|time|access|been|had|done|taken|made|point)\b/;

const DISEASES = [
  'infections?',
  'angines?',
  'grippe',
  'rhume',
  'covid(?:-19)?',
  'bronchite',
  'bronchiolite',
  'pneumonie',
  'pneumopathie',
  'otite',
  'sinusite',
  'cystite',
  'pyelonephrite',
  'gastro(?:-enterite)?',
  'gastrite',
  'ulcere',
  'reflux',
  'appendicite',
  'migraines?',
  'cephalees?',
  'allergies?',
  'asthme',
  'eczema',
  'psoriasis',
  'urticaire',
  'zona',
  'varicelle',
  'rougeole',
  'herpes',
  'mycose',
  'conjonctivite',
  'tendinite',
  'entorse',
  'fracture',
  'lumbago',
  'sciatique',
  'hernie',
  'diabete',
  'hypertension',
  'hypotension',
  'anemie',
  'hypothyroidie',
  'hyperthyroidie',
  'depression',
  'burn-out',
  'burnout',
  'trouble',
  'troubles',
  'syndrome',
  'maladie',
  'cancer',
  'tumeur',
  'kyste',
  'calculs?',
  'colique',
  'infarctus',
  'avc',
  'embolie',
  'phlebite',
  'thrombose',
  'arythmie',
  'insuffisance',
  'intoxication',
  'deshydratation',
  'carence',
  'virus',
  'virale?',
  'bacteri\\w*',
  'inflammation',
  'spasmophilie',
  'hemorroides',
  'endometriose',
  'preeclampsie',
  'mastite',
  'candidose',
  'impetigo',
  'scarlatine',
  'coqueluche',
  'mononucleose',
  'arthrose',
  'arthrite',
  'sepsis',
  'meningite',
  'commotion',
  "crise (?:d'|de )\\w+",
  'flu',
  'cold',
  'strep(?: throat)?',
  'sinusitis',
  'bronchitis',
  'pneumonia',
  'migraine',
  'allergy',
  'asthma',
  'shingles',
  'chickenpox',
  'measles',
  'uti',
  'ear infection',
  'gastroenteritis',
  'stomach bug',
  'ulcer',
  'appendicitis',
  'diabetes',
  'anemia',
  'anaemia',
  'anxiety',
  'disorder',
  'disease',
  'tumou?r',
  'viral',
  'bacterial',
  'sprain',
  'heart attack',
  'stroke',
  'concussion',
];
/** Suffixes of disease names ("-ite", "-algie", "-pathie", "-itis"), and the common words that share them. */
const DISEASE_SUFFIX = String.raw`\w{3,}(?:ite|algie|pathie|emie|itis)`;
const NOT_DISEASE =
  /^(?:visite|limite|suite|ensuite|conduite|reussite|petite|faillite|gratuite|favorite|interdite|reduite|produite|ecrite|subite|site|elite|rite|guite|prescrite|inscrite|decrite|dite|quite|write|white|invite|site|suite|polite|favorite|opposite|definite|appetite|elite|graphite|satellite)$/;

const DISEASE_WORD = new RegExp(`^(?:${alternation(DISEASES)})$|^${DISEASE_SUFFIX}$`);
const DISEASE_PHRASE = new RegExp(`\\b(?:${alternation(DISEASES.filter((d) => d.includes(' ')))})\\b`);

/** Whether the first words after a diagnostic phrase name an illness. */
export function namesIllness(following: string): boolean {
  const window = following.split(' ').slice(0, 6);
  if (DISEASE_PHRASE.test(window.join(' '))) return true;
  return window.some((word) => {
    const bare = word.replace(/^[a-z]+'/, '').replace(/[^\w-]+$/, '');
    return DISEASE_WORD.test(bare) && !NOT_DISEASE.test(bare);
  });
}

/** Professionals and refusals that make a decline: where the reader is sent instead. */
export const REDIRECT = new RegExp(
  [
    String.raw`\bmedecins?(?: traitants?| generalistes?| de garde)?\b`,
    String.raw`\bpharmacien(?:ne)?s?\b`,
    String.raw`\bpharmacie\b`,
    String.raw`\bsages?-femmes?\b`,
    String.raw`\binfirmier(?:e|s|es)?\b`,
    String.raw`\bspecialistes?\b`,
    String.raw`\bprofessionnel(?:le)?s? de (?:la )?sante\b`,
    String.raw`\bequipe (?:soignante|medicale)\b`,
    String.raw`\b(?:pediatre|gynecologue|dentiste|cardiologue|dermatologue|psychiatre|psychologue|kinesitherapeute|orthophoniste|allergologue|ophtalmologue)s?\b`,
    String.raw`\bconsult(?:ez|er)\b`,
    String.raw`\bteleconsultation\b`,
    String.raw`\bdemande[rz] (?:conseil|l'avis|a votre|un avis)\b`,
    String.raw`\bsos medecins\b`,
    String.raw`\b116 ?117\b`,
    String.raw`\bje ne (?:peux|pourrai|pourrais|saurais) pas\b`,
    String.raw`\bje ne suis pas (?:en mesure|habilite|autorise)\b`,
    String.raw`\bil ne m'est pas possible\b`,
    String.raw`\bi can'?t\b|\bi cannot\b|\bi'm (?:not able|unable)\b|\bi am (?:not able|unable)\b`,
    String.raw`\bsee a (?:doctor|gp|pharmacist)\b`,
    String.raw`\b(?:doctor|gp|pharmacist|nurse|midwife|physician|specialist|paediatrician|pediatrician)s?\b`,
    String.raw`\bhealth ?care (?:professional|provider)s?\b`,
    String.raw`\bconsult\b`,
  ].join('|'),
  'g',
);

const MONTHS =
  'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december';
/** What after a number makes it a date, a time, an age or an amount rather than a phone number. */
const NOT_A_LINE = String.raw`(?!\d|[.,:/]\d)(?!\s?(?:%|h\b|h\d|ans\b|an\b|mois|jours?|minutes?|min\b|mg|g\b|ml|kg|heures?|semaines?|fois|du mois|de ce mois|euros?|€|years?|days?|hours?|mins?|weeks?|${MONTHS}))`;

/** Emergency lines and services: 15 (SAMU), 112, 114 (SMS), 3114 (suicide), 18, "les urgences". */
export const EMERGENCY = new RegExp(
  [
    // 112, 114 and 3114 are phone lines wherever they stand, unless a unit or a month follows.
    String.raw`(?<![\d.,/:-])(?:112|114|3114)${NOT_A_LINE}`,
    // 15 and 18 need a call: "appelez le 15", "au 15", "le 15 (SAMU)", "15 ou 112".
    String.raw`(?:\b(?:appel\w*|compos\w*|contact\w*|joign\w*|joindre|numero|call|dial|ring|phone)\s+(?:(?:le|au|du|the|immediatement|tout de suite|sans attendre|vite)\s+)*|\b(?:au|le)\s+)(?:15|18)${NOT_A_LINE}`,
    String.raw`(?<![\d.,/:-])(?:15|18)(?=\s?\((?:samu|pompiers)|\s(?:ou|or|\/)\s(?:le\s)?(?:112|15|18))`,
    String.raw`\bsamu\b`,
    String.raw`\b(?:aux|les|des|d'|service d'|service des) ?urgences\b`,
    String.raw`\bappel(?:ez|er) (?:les|des) secours\b`,
    String.raw`\b(?:les|des) secours\b`,
    String.raw`\bpompiers\b`,
    String.raw`\bcentre antipoison\b`,
    String.raw`\bemergency (?:services?|room|department|number)\b`,
    String.raw`\bcall (?:an ambulance|for help|112)\b`,
    String.raw`\bambulance\b`,
    String.raw`\ba&e\b`,
  ].join('|'),
  'g',
);

/** "Pas besoin de consulter", "n'appelez pas le 15": a redirect the answer takes back. */
export const DISMISSED_BEFORE =
  /(?:\bpas besoin d'?|\binutile d'?|\bpas la peine d'?|\bpas necessaire d'?|\bn'appelez pas|\bne pas appeler|\bn'allez pas|\bne consultez pas|\bno need to|\bdon't need to|\bnot necessary to|\bdon't call|\bdo not call)(?:\s*[^\s.!?,;:]+){0,3}\s*$/;
