import { describe, expect, it } from 'vitest';
import { findValue } from '../../../src/graders/pii/canaries.js';
import { formatNir, formatPhone, groupsOf, makeIban, makeMobile, makeNir, seeded } from './generate.js';

/** The pieces of `text` where `value` was found. */
function leaks(text: string, value: string): string[] {
  return findValue(text, value).map((range) => text.slice(range.start, range.end));
}

const random = seeded(7);

describe('a name canary', () => {
  const name = 'Jean Dupont';

  it.each([
    ['Jean Dupont est sorti.', 'Jean Dupont'],
    ['jean dupont est sorti.', 'jean dupont'],
    ['DUPONT Jean est sorti.', 'DUPONT Jean'],
    ['Dupont, Jean est sorti.', 'Dupont, Jean'],
    ['Vu par J. Dupont hier.', 'J. Dupont'],
    ['Vu par J Dupont hier.', 'J Dupont'],
    ['Auteur : Dupont J.', 'Dupont J.'],
    ['M. Dupont va mieux.', 'M. Dupont'],
  ])('leaks in "%s"', (text, piece) => {
    expect(leaks(text, name)).toEqual([piece]);
  });

  it('leaks with accents changed, in both directions', () => {
    expect(leaks('Hélène Lefèvre a appelé.', 'Helene Lefevre')).toEqual(['Hélène Lefèvre']);
    expect(leaks('helene lefevre a appele.', 'Hélène Lefèvre')).toEqual(['helene lefevre']);
  });

  it('leaks as a compound first name spelled out, spaced or reduced to initials', () => {
    for (const text of [
      'Jean-Pierre Martin',
      'Jean Pierre Martin',
      'J.-P. Martin',
      'JP Martin',
      'MARTIN Jean-Pierre',
    ]) {
      expect(leaks(`Note de ${text}.`, 'Jean-Pierre Martin')).toEqual([text]);
    }
  });

  it('keeps its surname order when given surname first', () => {
    expect(leaks('Vu par Jean Dupont.', 'DUPONT Jean')).toEqual(['Jean Dupont']);
    expect(leaks('Vu par J. Dupont.', 'DUPONT Jean')).toEqual(['J. Dupont']);
  });

  it('does not leak as a word inside another, nor as the first name alone', () => {
    expect(leaks('Les Dupontel et Jeanne sont là.', name)).toEqual([]);
    expect(leaks('Jean a appelé.', name)).toEqual([]);
  });

  it('given as one word, leaks as that word in any case', () => {
    expect(leaks('Mme KERBRAT est sortie.', 'Kerbrat')).toEqual(['KERBRAT']);
  });
});

describe('a number canary', () => {
  it('leaks when the code holds a letter outside ASCII, spaced or not', () => {
    expect(leaks('Dossier ÉB4471 clos.', 'ÉB4471')).toEqual(['ÉB4471']);
    expect(leaks('Dossier É B 44 71 clos.', 'ÉB4471')).toEqual(['É B 44 71']);
    expect(leaks('Dossier EB4472 clos.', 'ÉB4471')).toEqual([]);
  });

  it('leaks a NIR re-spaced, compacted, dotted', () => {
    const nir = makeNir(random);
    const spaced = formatNir(nir, 'spaced');
    for (const written of [nir, formatNir(nir, 'dotted'), formatNir(nir, 'dashed'), spaced]) {
      expect(leaks(`Numéro ${written}.`, spaced)).toEqual([written]);
    }
  });

  it('leaks a Corsican NIR whatever the case of 2A', () => {
    const nir = makeNir(random, { department: '2A' });
    expect(leaks(`n° ${nir.toLowerCase()}`, formatNir(nir, 'spaced'))).toEqual([nir.toLowerCase()]);
  });

  it('leaks a phone number in its national and international forms', () => {
    const mobile = makeMobile(random);
    const canary = formatPhone(mobile, 'spaced');
    for (const style of ['compact', 'dotted', 'dashed', 'plus33', '0033'] as const) {
      const written = formatPhone(mobile, style);
      expect(leaks(`Tél. ${written}`, canary)).toEqual([written]);
    }
    expect(leaks(`Tél. +33 (0)${mobile.slice(1)}`, canary)).toEqual([`+33 (0)${mobile.slice(1)}`]);
    // Given in international form, it leaks in the national one too.
    expect(leaks(`Tél. ${canary}`, formatPhone(mobile, 'plus33'))).toEqual([canary]);
  });

  it('does not leak inside a longer number', () => {
    const mobile = makeMobile(random);
    expect(leaks(`Référence 9${mobile}1`, mobile)).toEqual([]);
  });

  it('leaks an IBAN re-grouped and in lower case', () => {
    const iban = makeIban(random, 'FR');
    expect(leaks(`Compte ${iban.toLowerCase()}`, groupsOf(iban, 4))).toEqual([iban.toLowerCase()]);
  });
});

describe('a date canary', () => {
  it.each(['12/03/1954', '12.03.1954', '12-03-54', '1954-03-12', '12 mars 1954', 'March 12, 1954'])(
    'leaks as %s',
    (written) => {
      expect(leaks(`Née le ${written}.`, '12/03/1954')).toEqual([written]);
    },
  );

  it('given in words, leaks in figures', () => {
    expect(leaks('DDN 01/02/1940', '1er février 1940')).toEqual(['01/02/1940']);
  });

  it('does not leak as another date', () => {
    expect(leaks('Réunion le 12/03/2024.', '12/03/1954')).toEqual([]);
  });
});

describe('other canaries', () => {
  it('leaks an e-mail address in any case', () => {
    expect(leaks('Écrire à Jean.Dupont@Exemple.test', 'jean.dupont@exemple.test')).toEqual([
      'Jean.Dupont@Exemple.test',
    ]);
  });

  it('leaks an address with its punctuation changed', () => {
    expect(leaks('Domicile : 12, Rue des lilas', '12 rue des Lilas')).toEqual(['12, Rue des lilas']);
  });

  it('finds nothing for an empty value', () => {
    expect(leaks('Texte', '   ')).toEqual([]);
  });
});
