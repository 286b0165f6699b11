/**
 * Reading a figure written with digits: French "1 240,5" and English "1,240.5" are the same
 * number. One case cannot be read alone: "1.240" and "1,240" (one separator followed by exactly
 * three digits). We read it with the convention the rest of the text shows:
 *  - French (a decimal comma elsewhere, such as "6,1"): "1.240" is 1240, "1,240" is 1.24;
 *  - English (a decimal point elsewhere, such as "6.1"): "1,240" is 1240, "1.240" is 1.24;
 *  - neither or both: the figure has both readings, and either one found in the source supports it.
 * A figure such as "0.125" (integer part 0) or "12.5" is never ambiguous.
 */

export type Convention = 'fr' | 'en' | 'unknown';

const FRENCH = /\d,\d{1,2}(?!\d)|\d,\d{4,}|\d\.\d{3}\.\d{3}|\d\.\d{3},\d/u;
const ENGLISH = /(?<![\d.,])\d+\.\d{1,2}(?![\d.])|\d\.\d{4,}|\d,\d{3},\d{3}|\d,\d{3}\.\d/u;

/** Which decimal separator a (folded) text uses, judged from its unambiguous figures. */
export function detectConvention(text: string): Convention {
  const french = FRENCH.test(text);
  const english = ENGLISH.test(text);
  if (french === english) return 'unknown';
  return french ? 'fr' : 'en';
}

/**
 * The numbers a digit token may mean (two when ambiguous), or [] when it is no plain number ("1.2.3").
 * The text's convention is asked for only when the token is ambiguous: most texts hold none.
 */
export function readings(token: string, conventionOf: () => Convention): number[] {
  // Most tokens are plain digits ("5", "500"), read as the general case below would.
  if (allDigits(token)) return finite(token);
  if (token.includes(' ')) {
    // "1 240" or "1 240,5": spaces only ever group thousands.
    const [integer = '', decimals] = token.split(/[.,]/);
    return finite(`${integer.replace(/ /g, '')}${decimals === undefined ? '' : `.${decimals}`}`);
  }
  const commas = count(token, ',');
  const dots = count(token, '.');
  if (commas > 0 && dots > 0) {
    // The separator written last is the decimal one: "1.240,5" and "1,240.5".
    const decimal = token.lastIndexOf(',') > token.lastIndexOf('.') ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    if (count(token, decimal) !== 1) return [];
    const [integer, decimals] = halves(token, decimal);
    if (!groupedByThousands(integer, grouping)) return [];
    return finite(`${integer.split(grouping).join('')}.${decimals}`);
  }
  const separator = commas > 0 ? ',' : dots > 0 ? '.' : undefined;
  if (separator === undefined) return finite(token);
  if (count(token, separator) > 1) {
    return groupedByThousands(token, separator) ? finite(token.split(separator).join('')) : [];
  }
  const [integer, decimals] = halves(token, separator);
  const asDecimal = Number(`${integer}.${decimals}`);
  const asThousands = Number(`${integer}${decimals}`);
  const ambiguous = decimals.length === 3 && integer.length <= 3 && !/^0+$/.test(integer);
  if (!ambiguous) return [asDecimal];
  const thousandsConvention = separator === '.' ? 'fr' : 'en';
  const convention = conventionOf();
  if (convention === 'unknown') return [asDecimal, asThousands];
  return [convention === thousandsConvention ? asThousands : asDecimal];
}

function groupedByThousands(token: string, separator: string): boolean {
  const groups = token.split(separator);
  const head = groups[0] as string;
  if (head.length < 1 || head.length > 3) return false;
  for (let i = 1; i < groups.length; i++) if ((groups[i] as string).length !== 3) return false;
  return true;
}

/** What comes before and after the one `separator` of `token`. */
function halves(token: string, separator: string): [string, string] {
  const at = token.indexOf(separator);
  return [token.slice(0, at), token.slice(at + 1)];
}

function count(text: string, char: string): number {
  let found = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) found++;
  return found;
}

function finite(text: string): number[] {
  const value = Number(text);
  return Number.isFinite(value) ? [value] : [];
}

function allDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
