/**
 * A telephone number a citizen can be called back on: a mainland mobile (11 digits from 1, an
 * optional +86/0086), a landline with its area code (7-12 digits), optionally an extension after a
 * separator ("0871-65123456-801"), or a short service number (95xxx, 12345). Separators (space,
 * hyphen, brackets) are allowed; a number without enough digits ("---", "12") is not.
 */
export function isPhoneNumber(input: string): boolean {
  const groups = input
    .trim()
    .replace(/[()]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (isNumber(groups, true)) return true;
  // An extension after a landline: the last group, 1-6 digits ("0871-65123456-801").
  const last = groups[groups.length - 1] ?? '';
  return groups.length >= 2 && /^\d{1,6}$/.test(last) && isLandline(digitsOf(groups.slice(0, -1)));
}

function digitsOf(groups: string[]): string {
  return groups.join('').replace(/^\+?(?:0086|86)(?=1\d{10}$)/, '');
}

function isLandline(digits: string): boolean {
  return /^0\d{9,11}$/.test(digits) || /^[2-8]\d{6,7}$/.test(digits);
}

function isNumber(groups: string[], allowService: boolean): boolean {
  const digits = digitsOf(groups);
  if (!/^\d+$/.test(digits)) return false;
  if (/^1\d{10}$/.test(digits)) return true; // mobile
  // 12345, 95588, 962200, also behind an area code (0871-12333).
  if (allowService && /^(?:0\d{2,3})?(?:95|96|1[0-2])\d{3,4}$/.test(digits)) return true;
  return isLandline(digits);
}
