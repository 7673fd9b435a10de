import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Settings } from '../../shared/settings.ts';
import type { Db } from '../store/database.ts';
import { setPhoneKey, unkeyedPhones } from '../store/phone-keys-store.ts';

/**
 * Phone numbers are kept as typed (people write them in many ways) and matched by their E.164
 * form. A number without a country code is read with the user's region, as their phone would.
 */
export function toE164(value: string, region: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(dialable(value), region);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Letters as on a phone keypad (ITU E.161): 1-800-FLOWERS dials 1-800-3569377. */
const KEYPAD = new Map<string, string>(
  ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'].flatMap((letters, i) =>
    [...letters].map((l): [string, string] => [l, String(i + 2)]),
  ),
);
const LETTER = /[a-z]/i;
const LETTERS = /[a-z]/gi;
/** "x12" after a digit or a space is an extension (the contract's spelling), not the keypad's X. */
const EXTENSION = /(?<![a-z])x\s*\d+\s*$/i;
/** A number written with letters starts with digits ("call me" is not one). */
const VANITY = /^\s*\+?\(?\d/;

/**
 * The number as dialled: keypad letters become their digits, so "+1-800-FLOWERS" matches
 * "+1 800 356 9377". The stored value keeps the letters; only the matching key uses this.
 */
export function dialable(value: string): string {
  const ext = EXTENSION.exec(value);
  const main = ext ? value.slice(0, ext.index) : value;
  if (!LETTER.test(main) || !VANITY.test(main)) return value;
  return main.replace(LETTERS, (c) => KEYPAD.get(c.toUpperCase()) ?? c) + (ext ? ` ${ext[0].trim()}` : '');
}

/** The digits dialled, extension included: how two spellings of one number compare. */
export const phoneDigits = (value: string): string => dialable(value).replace(/\D/g, '');

/** The settings' region, else the operating system's, else US (libphonenumber needs one). */
export function phoneRegion(settings: Pick<Settings, 'phoneRegion'>): CountryCode {
  if (settings.phoneRegion) return settings.phoneRegion as CountryCode;
  try {
    const region = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize().region;
    if (region && /^[A-Z]{2}$/.test(region)) return region as CountryCode;
  } catch {
    // An exotic or missing locale: fall through to the default.
  }
  return 'US';
}

/**
 * Normalises phones written since the last pass. Called after every write that may add phones
 * (the store stays free of dialling rules); cheap when there is nothing to do.
 */
export function fillPhoneKeys(db: Db, region: CountryCode): number {
  const phones = unkeyedPhones(db);
  for (const phone of phones) setPhoneKey(db, phone, toE164(phone.value, region) ?? '');
  return phones.length;
}
