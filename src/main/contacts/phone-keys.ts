import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Settings } from '../../shared/settings.ts';
import type { Db } from '../store/database.ts';
import { setPhoneKey, unkeyedPhones } from '../store/phone-keys-store.ts';

/**
 * Phone numbers are kept as typed (people write them in many ways) and matched by their E.164
 * form. A number without a country code is read with the user's region, as their phone would.
 */
export function toE164(value: string, region: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(value, region);
  return parsed?.isPossible() ? parsed.number : null;
}

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
