import type { Actor } from './standing';

/**
 * What a viewer may see of the caller (SPEC §9; zibo §17; wuqing §30(4); tianjin-urban §8(2)).
 * full: the intake agent, callback agent, dispatcher and administrator of a platform.
 * contact: a handling unit while it must contact the citizen (name masked, phone shown).
 * masked: everyone else (supervisors, leaders, units after handling).
 * hidden: units on a confidential order — no identity at all; the platform relays contact.
 */
export type CallerView = 'full' | 'contact' | 'masked' | 'hidden';

const platformStaff = new Set(['agent', 'callback', 'dispatcher', 'admin']);

export function callerViewFor(
  actor: Actor,
  t: { confidential: boolean; status: string },
  actsForActiveAssignment: boolean,
): CallerView {
  if (actor.unit.is_platform && platformStaff.has(actor.role)) return 'full';
  const isUnit = actor.role === 'handler' || actor.role === 'unit-leader' || !actor.unit.is_platform;
  if (isUnit && t.confidential) return 'hidden';
  if (isUnit && actsForActiveAssignment && (t.status === 'dispatched' || t.status === 'in_progress'))
    {return 'contact';}
  return 'masked';
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return `${digits.slice(0, 1)}***${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const chars = [...address];
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('') + '****';
}

export function presentCaller(
  view: CallerView,
  c: { name: string | null; phone: string | null; address: string | null; confidential: boolean },
) {
  switch (view) {
    case 'full':
      return { ...c, masked: false };
    case 'contact':
      return {
        name: maskName(c.name),
        phone: c.phone,
        address: maskAddress(c.address),
        confidential: c.confidential,
        masked: true,
      };
    case 'masked':
      return {
        name: maskName(c.name),
        phone: maskPhone(c.phone),
        address: maskAddress(c.address),
        confidential: c.confidential,
        masked: true,
      };
    case 'hidden':
      return { name: null, phone: null, address: null, confidential: true, masked: true };
  }
}
