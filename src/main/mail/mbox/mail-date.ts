/**
 * The Date header (RFC 5322 section 3.3, with the obsolete forms of section 4.3) as a UTC instant.
 *
 * Not `new Date(value)`, which is what mailparser does: its parsing of this format is
 * implementation-defined, it reads a date without a zone in the machine's zone (so one file would
 * give other instants under another TZ), it accepts stray text ("sent 2024" is a date to V8), and
 * mailparser turns a failure into the current time. Here a value is either read exactly or not at
 * all.
 */
export type MailDate = { iso: string; problem: string | null } | { iso: null; problem: string };

const MONTHS = new Map([
  ['jan', 0],
  ['feb', 1],
  ['mar', 2],
  ['apr', 3],
  ['may', 4],
  ['jun', 5],
  ['jul', 6],
  ['aug', 7],
  ['sep', 8],
  ['oct', 9],
  ['nov', 10],
  ['dec', 11],
]);

/** RFC 5322 section 4.3: the US zones of RFC 822, in minutes east of UTC. */
const NAMED_ZONES = new Map([
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['edt', -240],
  ['est', -300],
  ['cdt', -300],
  ['cst', -360],
  ['mdt', -360],
  ['mst', -420],
  ['pdt', -420],
  ['pst', -480],
]);

/** [day-of-week ,] day month year hour:minute[:second] — the rest (the zone) read apart. */
const RFC5322 =
  /^(?:[a-z]+\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(.*)$/i;
/** asctime(3), as some old clients wrote it: Tue Jul  1 10:52:37 [zone] 2003 [zone]. */
const ASCTIME =
  /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([a-z]{1,5}|[+-]\d{4})\s+)?(\d{4})(?:\s+([a-z]{1,5}|[+-]\d{4}))?\s*$/i;
/** ISO 8601 with an offset, as some scripts write it. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})$/i;
/** A numeric zone, maybe after GMT/UTC ("GMT+0200"), maybe with a colon. */
const NUMERIC_ZONE = /^(?:(?:gmt|utc?)\s*)?([+-])(\d{2}):?(\d{2})(?![\d])/i;
const NAMED_ZONE = /^([a-z]{1,5})(?![a-z])/i;

export function parseMailDate(raw: string): MailDate {
  const value = stripComments(raw).trim();
  const read = rfc5322(value) ?? asctime(value) ?? iso8601(value);
  const ms = read ? utcMs(read.parts, zoneOffset(read.zone) ?? 0) : null;
  if (!read || ms === null)
    return { iso: null, problem: `Date header ${quote(raw)} cannot be read as a date` };
  const iso = new Date(ms).toISOString();
  // RFC 5322 section 4.3: a zone that cannot be known (none, a military letter, an unknown
  // name) means the date is in UTC with no local time known.
  return zoneOffset(read.zone) === null
    ? { iso, problem: `Date header ${quote(raw)} has no time zone that can be read; read as UTC` }
    : { iso, problem: null };
}

interface Read {
  parts: Parts;
  /** What follows the time, where the zone is. */
  zone: string;
}

function rfc5322(value: string): Read | null {
  const m = RFC5322.exec(value);
  if (!m) return null;
  const parts = {
    year: fullYear(m[3] ?? ''),
    month: MONTHS.get((m[2] ?? '').slice(0, 3).toLowerCase()),
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  return { parts, zone: (m[7] ?? '').trim() };
}

function asctime(value: string): Read | null {
  const m = ASCTIME.exec(value);
  if (!m) return null;
  const parts = {
    year: Number(m[7]),
    month: MONTHS.get((m[1] ?? '').toLowerCase()),
    day: Number(m[2]),
    hour: Number(m[3]),
    minute: Number(m[4]),
    second: Number(m[5] ?? 0),
  };
  return { parts, zone: m[6] ?? m[8] ?? '' };
}

function iso8601(value: string): Read | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const parts = {
    year: Number(m[1]),
    month: Number(m[2]) - 1,
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  return { parts, zone: m[7] ?? '' };
}

interface Parts {
  year: number;
  month: number | undefined;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Minutes east of UTC, or null when the zone is missing or unknown. */
function zoneOffset(zone: string): number | null {
  const numeric = NUMERIC_ZONE.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3]);
    if (hours > 23 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const named = NAMED_ZONE.exec(zone);
  return named ? (NAMED_ZONES.get((named[1] ?? '').toLowerCase()) ?? null) : null;
}

function utcMs(p: Parts, offsetMinutes: number): number | null {
  if (p.month === undefined || p.month < 0 || p.month > 11) return null;
  if (!Number.isFinite(p.year) || p.year < 1900 || p.year > 2999) return null;
  if (p.hour > 23 || p.minute > 59 || p.second > 60 || p.day < 1) return null;
  // A leap second (23:59:60) is the last second of its minute for a timeline.
  const second = Math.min(p.second, 59);
  const local = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, second);
  // Date.UTC carries 31 February over into March: refuse a day its month does not have.
  if (new Date(local).getUTCDate() !== p.day) return null;
  return local - offsetMinutes * 60_000;
}

/** RFC 5322 section 4.3: a two-digit year is 1950–2049, a three-digit one counts from 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** Comments (CFWS, RFC 5322 section 3.2.2) such as "(CEST)" say nothing the numbers do not. */
function stripComments(value: string): string {
  return value.replace(/\([^()]*\)/g, ' ');
}

const quote = (raw: string) => JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw);
