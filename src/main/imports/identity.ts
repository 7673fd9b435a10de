/**
 * Keys that say "this is the same person" across files and the address book. Each is
 * deliberately conservative: a wrong automatic merge is far worse than a missed one.
 */

/** `https://de.linkedin.com/in/Jane-Doe-123/?trk=x` → `linkedin.com/in/jane-doe-123`. */
export function linkedinKey(url: string): string | null {
  const match = /linkedin\.com\/in\/([^/?#\s]+)/i.exec(url);
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A stray % in a hand-typed URL: compare it as written.
  }
  return `linkedin.com/in/${slug.toLowerCase()}`;
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Case, accents, punctuation and word order removed: "Dr. José  Álvarez" ~ "alvarez jose dr". */
export function nameKey(name: string): string {
  return fold(name)
    .split(NOT_WORD)
    .filter((w) => w.length > 0 && !TITLES.has(w))
    .sort()
    .join(' ');
}

const ASCII = /^[\x20-\x7e]*$/;

/** Lower case without accents; most names are plain ASCII and skip Unicode normalisation. */
function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'jr', 'sr', 'phd', 'md']);
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'the',
]);

/** "Acme, Inc." ~ "ACME" ~ "The Acme Company". Empty when there is no company. */
export function companyKey(company: string | null | undefined): string {
  if (!company) return '';
  return fold(company)
    .split(NOT_WORD)
    .filter((w) => w.length > 0 && !LEGAL_FORMS.has(w))
    .join(' ');
}

/**
 * Same name and compatible companies (equal, or one side unknown): likely the same person, but
 * only ever offered for review. A bare common name with no company on either side still counts,
 * since the review is cheap and a duplicate is not.
 */
export function fuzzyKey(name: string): string | null {
  const key = nameKey(name);
  // A single word ("Alex") says too little to suggest anything.
  return key.includes(' ') ? key : null;
}

export function companiesCompatible(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

const words = (name: string): string[] =>
  fold(name)
    .split(NOT_WORD)
    .filter((w) => w.length > 0 && !TITLES.has(w));

/**
 * Whether two names can be one person's, when a weaker key (a phone number) says they might be:
 * case, accents, punctuation, titles and word order aside, every word of the shorter name pairs
 * with its own word of the other, an initial with a word it begins, and one pair at least is a
 * whole word. "Jo B" and "Bloggs, Jo" agree with "Jo Bloggs"; "Al Bloggs" and "ACME Inc." do
 * not. Names written without spaces ("山田太郎") agree with the same letters spaced ("山田 太郎").
 */
export function namesAgree(a: string, b: string): boolean {
  const [short, long] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (short.length === 0) return false;
  if (short.join('') === long.join('')) return true;
  const left = [...long];
  const take = (i: number) => i !== -1 && left.splice(i, 1).length === 1;
  // Whole words first, so an initial cannot use up the word a whole word needs.
  const rest: string[] = [];
  for (const w of short) if (w.length === 1 || !take(left.indexOf(w))) rest.push(w);
  if (rest.length === short.length) return false;
  const initialOf = (x: string, y: string) =>
    (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  return rest.every((w) => take(left.findIndex((x) => initialOf(w, x))));
}
