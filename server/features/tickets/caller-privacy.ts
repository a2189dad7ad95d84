import { isWithinComplained } from './complained-party';
import type { Actor } from './standing';

/**
 * What a viewer may see of the caller (SPEC §9; zibo §17; wuqing §30(4); beijing-miyun §25(7);
 * tianjin-urban §8(2)).
 * full: the intake agent, callback agent, dispatcher and administrator of a platform.
 * contact: a handling unit while it must contact the citizen (name masked, phone shown).
 * masked: everyone else (supervisors, leaders, units after handling).
 * hidden: units on a confidential order — no identity at all; the platform relays contact.
 * protected: the unit complained about and its sub-units (投诉人保护) — no identity at all, not
 *   even the last digits of the phone, whatever their role; the platform relays contact.
 */
export type CallerView = 'full' | 'contact' | 'masked' | 'hidden' | 'protected';

const platformStaff = new Set(['agent', 'callback', 'dispatcher', 'admin']);

export interface PrivacyFacts {
  confidential: boolean;
  status: string;
  /** Path of the unit the order complains about (`/1/5/`), when it names one. */
  complainedUnitPath?: string | null;
}

export function callerViewFor(actor: Actor, t: PrivacyFacts, actsForActiveAssignment: boolean): CallerView {
  if (isWithinComplained(actor.unit.path, t.complainedUnitPath)) return 'protected';
  if (actor.unit.is_platform && platformStaff.has(actor.role)) return 'full';
  const isUnit = actor.role === 'handler' || actor.role === 'unit-leader' || !actor.unit.is_platform;
  if (isUnit && t.confidential) return 'hidden';
  if (isUnit && actsForActiveAssignment && (t.status === 'dispatched' || t.status === 'in_progress')) {
    return 'contact';
  }
  return 'masked';
}

/** Views that return the caller's name or phone unmasked (their reads are audited). */
export function showsUnmaskedCaller(view: CallerView): boolean {
  return view === 'full' || view === 'contact';
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

export interface CallerFacts {
  name: string | null;
  phone: string | null;
  address: string | null;
  confidential: boolean;
}

export function presentCaller(view: CallerView, c: CallerFacts) {
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
    case 'protected':
      return {
        name: null,
        phone: null,
        address: null,
        confidential: c.confidential,
        masked: true,
        protected: true,
      };
  }
}

const WITHHELD = '[已隐去]';
/** Mobile numbers, landlines with or without area code, resident ID numbers. */
const phoneLike =
  /(?<!\d)(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8}|\d{7,8}|\d{17}[\dXx])(?!\d)/g;

/**
 * Free text an order carries (content, demand, answers, replies, event notes) as a viewer
 * without the caller's identity may read it: the caller's name, phone and address and anything
 * shaped like a phone or ID number are withheld. Other viewers get the text unchanged.
 */
export function textFor(view: CallerView, c: CallerFacts, text: string): string;
export function textFor(view: CallerView, c: CallerFacts, text: string | null): string | null;
export function textFor(view: CallerView, c: CallerFacts, text: string | null): string | null {
  if (text === null || (view !== 'protected' && view !== 'hidden')) return text;
  let out = text;
  for (const s of [c.phone, c.address, c.name]) {
    if (s && [...s.trim()].length >= 2) out = out.split(s.trim()).join(WITHHELD);
  }
  const digits = c.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 4) out = out.split(digits).join(WITHHELD);
  return out.replace(phoneLike, WITHHELD);
}

/** The same for every string inside an event payload. */
export function payloadFor(view: CallerView, c: CallerFacts, payload: unknown): unknown {
  if (view !== 'protected' && view !== 'hidden') return payload;
  if (typeof payload === 'string') return textFor(view, c, payload);
  if (Array.isArray(payload)) return payload.map((v) => payloadFor(view, c, v));
  if (payload && typeof payload === 'object') {
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, payloadFor(view, c, v)]));
  }
  return payload;
}
