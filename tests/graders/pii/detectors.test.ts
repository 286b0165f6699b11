import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../src/graders/pii/index.js';
import {
  breakIban,
  breakLast,
  breakNirKey,
  formatNir,
  formatPhone,
  groupsOf,
  luhnComplete,
  makeAdeli,
  makeCard,
  makeCip13,
  makeFiness,
  makeIban,
  makeMobile,
  makeNir,
  makeRpps,
  seeded,
} from './generate.js';

/** What was found, as "category:text" pairs, in order. */
function found(text: string, options: Parameters<typeof detectPii>[1] = {}): string[] {
  return detectPii(text, options).map(
    (finding) => `${finding.category}:${text.slice(finding.start, finding.end)}`,
  );
}

const random = seeded(42);

describe('NIR', () => {
  const nir = makeNir(random, { sex: '1', year: 84, month: 12 });

  it.each(['compact', 'spaced', 'dotted', 'dashed'] as const)('is found written %s', (style) => {
    const written = formatNir(nir, style);
    expect(found(`Numéro : ${written}.`)).toEqual([`nir:${written}`]);
  });

  it('is found for Corsica (2A, 2B), overseas (97x), born abroad (99) and temporary numbers', () => {
    const numbers = [
      makeNir(random, { department: '2A' }),
      makeNir(random, { department: '2B' }),
      makeNir(random, { department: '971' }),
      makeNir(random, { department: '99' }),
      makeNir(random, { sex: '7' }),
      makeNir(random, { sex: '8', month: 35 }),
    ];
    for (const number of numbers) {
      const written = formatNir(number, 'spaced');
      expect(found(`Assuré ${written} pris en charge.`)).toEqual([`nir:${written}`]);
    }
  });

  it('is not a NIR when the key does not check, nor when the month or department cannot be', () => {
    expect(found(`Numéro ${formatNir(breakNirKey(nir), 'spaced')}.`)).toEqual([]);
    expect(found(`Référence ${breakNirKey(nir)}.`)).toEqual([]);
    // A valid key on an impossible month (13) or department (96) is a coincidence, not a NIR.
    for (const body of ['1841375123456', '1841296123456']) {
      const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
      expect(found(`Numéro ${body}${key}.`)).toEqual([]);
    }
  });

  it('is found among other numbers in a run, such as an age after it', () => {
    const written = formatNir(nir, 'spaced');
    expect(found(`NIR ${written} 45 ans`)).toEqual([`nir:${written}`]);
  });
});

describe('INS', () => {
  const nir = makeNir(random);

  it('is a NIR named as the INS matricule', () => {
    const written = formatNir(nir, 'spaced');
    expect(found(`Matricule INS : ${written}`)).toEqual([`ins:${written}`]);
    expect(found(`L'identité nationale de santé est ${nir}.`)).toEqual([`ins:${nir}`]);
  });

  it('needs the same key as a NIR', () => {
    expect(found(`INS : ${breakNirKey(nir)}`)).toEqual([]);
  });

  it('is reported as a NIR when the ins category is off', () => {
    expect(found(`INS ${nir}`, { categories: { ins: false } })).toEqual([`nir:${nir}`]);
  });

  it('is not the OID of the INS', () => {
    expect(found("OID de l'INS : 1.2.250.1.213.1.4.8.")).toEqual([]);
  });
});

describe('RPPS and ADELI', () => {
  it('finds an RPPS number after its cue, with a valid Luhn key', () => {
    const rpps = makeRpps(random);
    expect(found(`Dr, n° RPPS ${rpps}.`)).toEqual([`rpps:${rpps}`]);
    expect(found(`RPPS : ${rpps.slice(0, 2)} ${rpps.slice(2, 5)} ${rpps.slice(5)}`)).toHaveLength(1);
  });

  it('ignores eleven digits without the cue or with a wrong key', () => {
    const rpps = makeRpps(random);
    expect(found(`Référence ${rpps}.`)).toEqual([]);
    expect(found(`RPPS ${breakLast(rpps)}.`)).toEqual([]);
  });

  it('finds an ADELI number after its cue, and not a FINESS after its own', () => {
    const adeli = makeAdeli(random);
    expect(found(`numéro ADELI ${adeli}`)).toEqual([`adeli:${adeli}`]);
    expect(found(`ADELI du cabinet transmis ; FINESS ${adeli}`)).toEqual([]);
    expect(found(`Établissement FINESS ${makeFiness(random)}`)).toEqual([]);
    expect(found(`Nombre de dossiers : ${adeli}`)).toEqual([]);
  });
});

describe('IBAN', () => {
  it('is found in groups of four or compact, French or not', () => {
    const french = makeIban(random, 'FR');
    expect(found(`IBAN ${groupsOf(french, 4)} merci`)).toEqual([`iban:${groupsOf(french, 4)}`]);
    expect(found(`Compte : ${french}.`)).toEqual([`iban:${french}`]);
    const german = groupsOf(makeIban(random, 'DE'), 4);
    expect(found(`IBAN ${german}`)).toEqual([`iban:${german}`]);
  });

  it('is not an IBAN when the check digits are wrong or the length is not the country’s', () => {
    const french = makeIban(random, 'FR');
    expect(found(`IBAN ${groupsOf(breakIban(french), 4)}`)).toEqual([]);
    expect(found(`IBAN ${french.slice(0, 25)}`)).toEqual([]);
  });
});

describe('payment cards', () => {
  it('are found compact, spaced, dashed and in the Amex grouping', () => {
    const visa = makeCard(random, 'visa');
    const master = makeCard(random, 'mastercard');
    const amex = makeCard(random, 'amex');
    const amexWritten = `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`;
    expect(found(`carte ${visa}`)).toEqual([`card:${visa}`]);
    expect(found(`carte ${groupsOf(visa, 4)}`)).toEqual([`card:${groupsOf(visa, 4)}`]);
    expect(found(`carte ${groupsOf(master, 4, '-')}`)).toEqual([`card:${groupsOf(master, 4, '-')}`]);
    expect(found(`carte ${amexWritten}`)).toEqual([`card:${amexWritten}`]);
  });

  it('are not a number failing Luhn, a CIP13 code, or a Luhn number after a product cue', () => {
    expect(found(`suivi ${groupsOf(breakLast(makeCard(random)), 4)}`)).toEqual([]);
    expect(found(`CIP ${makeCip13(random)}`)).toEqual([]);
    expect(found(`Présentation ${makeCip13(random)}, boîte de 30`)).toEqual([]);
    expect(found(`lot n° ${luhnComplete(random, '4', 16)}`)).toEqual([]);
    expect(found(`SIRET ${luhnComplete(random, '36', 14)}`)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('are found with dots, plus signs, subdomains and capitals', () => {
    for (const address of [
      'jean.dupont@exemple.test',
      'a.b+tag@mail.chu-exemple.test',
      'P.ROUSSEL@EXAMPLE.ORG',
    ]) {
      expect(found(`Écrire à ${address}.`)).toEqual([`email:${address}`]);
    }
  });

  it('are not an @ in prose', () => {
    expect(found('Rendez-vous @ 10 h au service.')).toEqual([]);
  });
});

describe('phone numbers', () => {
  const mobile = makeMobile(random);

  it.each(['spaced', 'dotted', 'dashed', 'compact', 'plus33', '0033'] as const)(
    'are found written %s',
    (style) => {
      const written = formatPhone(mobile, style);
      expect(found(`Joindre le ${written}.`)).toEqual([`phone:${written}`]);
    },
  );

  it('are found in +33 (0) form and in international forms', () => {
    expect(found('Tél. +33 (0)6 39 98 12 34')).toEqual(['phone:+33 (0)6 39 98 12 34']);
    expect(found('Londres : +44 20 7946 0958')).toEqual(['phone:+44 20 7946 0958']);
    expect(found('Montréal : +1 514 555 0142')).toEqual(['phone:+1 514 555 0142']);
  });

  it('are never an emergency or short service number, nor a freephone line', () => {
    expect(
      found('Appelez le 15, le 17, le 18, le 112, le 114, le 115, le 119, le 3114 ou le 116 117.'),
    ).toEqual([]);
    expect(found('Fil Santé Jeunes : 0 800 235 236 ; numéro vert 08 00 23 52 36.')).toEqual([]);
  });

  it('are found next to an emergency number in the same run of digits', () => {
    const written = formatPhone(mobile, 'spaced');
    expect(found(`Appelez le 15 ${written}`)).toEqual([`phone:${written}`]);
  });

  it('are not a date and time written with dots, nor a signed statistic', () => {
    expect(found('Mise à jour le 01.02.2024 10 h.')).toEqual([]);
    expect(found("Le nombre d'actes a progressé de +1 234 567 en 2023.")).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['né le 12/03/1954', '12/03/1954'],
    ['née le 12 mars 1954', '12 mars 1954'],
    ['né(e) le 1er janvier 1950', '1er janvier 1950'],
    ['date de naissance : 1954-03-12', '1954-03-12'],
    ['DDN 12.03.54', '12.03.54'],
    ['born on March 12, 1954', 'March 12, 1954'],
    ['DOB: 12/03/1954', '12/03/1954'],
    ['Née à Saint-Étienne (Loire) le 21/06/1972', '21/06/1972'],
    ['12/03/1954 (date de naissance)', '12/03/1954'],
  ])('are found in "%s"', (text, date) => {
    expect(found(text)).toEqual([`birth-date:${date}`]);
  });

  it('are not a date without a birth cue, nor a date after the birth one', () => {
    expect(found('Réunion le 12/03/2024 à 14 h.')).toEqual([]);
    expect(found('Né le 12/03/1954, hospitalisé le 02/04/2024.')).toEqual(['birth-date:12/03/1954']);
    expect(found('Le projet est né en 2019 ; la réunion est le 05/06/2024.')).toEqual([]);
    expect(found('Ne le prenez pas avant le 12/03/2024.')).toEqual([]);
  });
});

describe('postal addresses', () => {
  it.each([
    '12 rue des Lilas',
    '12 rue des Lilas, 75011 Paris',
    '3 bis avenue du Général Leclerc 69003 Lyon',
    '7, impasse des Acacias',
    '45 bd Gambetta',
    "2 place de l'Église",
    '10 rue du 8 Mai 1945',
  ])('"%s" is an address', (address) => {
    expect(found(`Adresse : ${address}.`)).toEqual([`address:${address}`]);
  });

  it('is not a street without a number, nor lower-case words after a number', () => {
    expect(found("La rue de la Paix est fermée ; prenez l'avenue Foch.")).toEqual([]);
    expect(found('Le cours de yoga a lieu 3 fois ; 2 places de parking ; 3 cours de gym.')).toEqual([]);
    expect(found('Le code postal 75011 et la chambre 214.')).toEqual([]);
  });
});

describe('person names', () => {
  it.each([
    ['Mme Lefebvre est sortie.', 'Lefebvre'],
    ['Le Dr Le Goff a validé.', 'Le Goff'],
    ['M. Garnier refuse.', 'Garnier'],
    ['Monsieur Jean-Pierre DURAND arrive.', 'Jean-Pierre DURAND'],
    ['avis du Professeur Lambert demandé', 'Lambert'],
    ['Camille Fournier a signalé la chute.', 'Camille Fournier'],
    ['rédigé par J. Dupont hier', 'J. Dupont'],
    ['rédigé par J.-P. Martin hier', 'J.-P. Martin'],
    ['Patient : DUPONT Jean, chambre 12', 'DUPONT Jean'],
    ['Résidente : Anna KOWALCZYK, entrée hier', 'Anna KOWALCZYK'],
    ['Jean Martin est arrivé.', 'Jean Martin'],
  ])('finds the name in "%s"', (text, name) => {
    expect(found(text)).toEqual([`name:${name}`]);
  });

  it('ignores titles before a function or a lower-case word, and initials alone', () => {
    expect(found('Monsieur le Directeur et Madame la Présidente ont validé.')).toEqual([]);
    expect(found('Le docteur en pharmacie et le Docteur junior sont de garde.')).toEqual([]);
    expect(found('Madame, Monsieur, la consultation est annulée.')).toEqual([]);
    expect(found('Je vous adresse Mme B., 72 ans.')).toEqual([]);
  });

  it('ignores places and things named after people', () => {
    expect(found("L'hôpital Georges Pompidou et le lycée Jean Moulin.")).toEqual([]);
    expect(found('le syndrome de Charles Bonnet')).toEqual([]);
    expect(found('Les laboratoires Pierre Fabre.')).toEqual([]);
  });

  it('ignores a first name alone, a first name that is a common word, a king and an acronym', () => {
    expect(found('Bonjour Claire, voici le compte rendu.')).toEqual([]);
    expect(found('Rose, lilas et lavande en atelier.')).toEqual([]);
    expect(found("À l'époque de Louis XIV.")).toEqual([]);
    expect(found('Marie CHU de Rennes')).toEqual([]);
  });

  it('finds the values of name fields in forms and JSON, whatever the word', () => {
    expect(found('Nom : KOWALCZYK\nPrénom : Anna')).toEqual(['name:KOWALCZYK', 'name:Anna']);
    expect(found('{"nom": "Bernard", "prenom": "Lucie"}')).toEqual(['name:Bernard', 'name:Lucie']);
    expect(found('Nom de naissance : Zafiropoulos')).toEqual(['name:Zafiropoulos']);
  });

  it('ignores name fields left empty or filled with a placeholder, and other "nom" labels', () => {
    expect(found('Nom : Non renseigné ; Prénom : INCONNU ; Nom : [masqué]')).toEqual([]);
    expect(found('Nom commercial : Doliprane ; dénomination : Paracétamol')).toEqual([]);
  });

  it('ignores authors cited as "Surname I." in a reference list', () => {
    expect(found('Martin J, Petit L. Lancet 2019.')).toEqual([]);
  });
});

describe('the things that are never personal data', () => {
  it.each([
    'Prendre 500 mg toutes les 6 heures, 2 x 1 g par jour.',
    'Dans cette étude, 12 345 patients ont été inclus ; p < 0,001 ; IC 95 %.',
    'Recommandation de grade A ; accord d’experts ; niveau de preuve 2.',
    'Codes CIM-10 : F32.1, E11.9, I10.',
    'Entre 2015 et 2022, à 9 h 45 ou 10:30.',
    'Chambre 214, salle 3, lit 2.',
    'Score de Glasgow à 15, Apgar 9/10.',
    'ISBN 978-2-11-012345-6 ; DOI 10.1016/j.jamda.2020.01.002.',
  ])('"%s" holds nothing', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('options', () => {
  const phone = formatPhone(makeMobile(random), 'spaced');
  const text = `Mme Lefebvre, ${phone}, jean.dupont@exemple.test`;

  it('switches categories off one by one', () => {
    expect(found(text).map((item) => item.split(':')[0])).toEqual(['name', 'phone', 'email']);
    expect(found(text, { categories: { phone: false, name: false } })).toEqual([
      'email:jean.dupont@exemple.test',
    ]);
  });

  it('never reports an allowed value, in any written form', () => {
    const compact = phone.replace(/ /g, '');
    expect(found(text, { allow: [compact] }).map((item) => item.split(':')[0])).toEqual(['name', 'email']);
    expect(found(text, { allow: ['jean.dupont@exemple.test', 'Lefebvre'] })).toEqual([`phone:${phone}`]);
  });

  it('reports one finding per stretch of text, the most specific one', () => {
    // A street named after a person stays an address.
    expect(found('Domicile : 12 rue Victor Hugo')).toEqual(['address:12 rue Victor Hugo']);
    // An IBAN holding a Luhn-valid run of digits is one IBAN, not also a card.
    const iban = groupsOf(makeIban(random, 'FR'), 4);
    expect(found(`IBAN ${iban}`)).toEqual([`iban:${iban}`]);
  });
});
