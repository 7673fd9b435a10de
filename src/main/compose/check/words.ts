/**
 * Word handling shared by the checks: folding (case and accents), tokens, content words and a
 * deliberately small stemmer. The checks compare what the user wrote with what they logged, in
 * their own words, so "Zoë" matches "zoe" and "roofs" matches "roof".
 */

/** Lower case without accents: "Zoë Ångström" → "zoe angstrom". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word keeps inner apostrophes and hyphens ("o'brien", "e-mail"). */
const WORD = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*/gu;

/** The words of a text, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countWords(text: string): number {
  return wordsOf(text).length;
}

/**
 * A word as compared: folded, with English endings ("Ada's", "don't", "we'll") and French or
 * Italian elisions ("l'économie", "qu'il") cut off, then inner marks removed ("e-mail" → "email").
 */
export function normalWord(word: string): string {
  return fold(word)
    .replace(/(?:n['’]t|['’](?:s|ll|re|ve|d|m))$/u, '')
    .replace(/^(?:qu|[a-z])['’](?=\p{L})/u, '')
    .replace(/['’‐‑-]/gu, '');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Function words, and the words every follow-up uses whatever it is about: none of them shows
// that a message is specific to the person.
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are around as at be because been before
  being below between both but by can could did do does doing done down during each either else
  even ever every few for from further get got had has have having he her here hers herself him
  himself his how however i if in into is it its itself just let like made make many may me might
  more most much must my myself no nor not now of off on once one only or other our ours ourselves
  out over own quite rather really said same see seem she should since so some still such than that
  the their theirs them themselves then there these they thing things this those though through to
  too under until up upon us very want was we well were what when where whether which while who
  whom whose why will with within without would yes yet you your yours yourself yourselves
  hi hello hey dear thanks thank thx cheers best regards kind warm wishes sincerely great good nice
  lovely glad happy pleasure enjoyed enjoy talk talked talking chat chatted chatting speak spoke
  meet met meeting meetings conversation catch caught touch follow following followup reach reaching
  message messages email mail note call week weeks month months day days time today again soon
  hope hoping look looking forward keep sure know let love would like maybe perhaps free open
  ask check send sent share tell told come came give gave take took think thought hear heard write
  wrote reply question idea new last next back
  inc ltd llc corp co gmbh plc company`.split(/\s+/),
);

/** Suffix stripping in the spirit of Porter's step 1: plurals and -ing/-ed, nothing cleverer. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 4 && /(?:ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export interface ContentWord {
  /** As written in the source, for quoting back. */
  original: string;
  stem: string;
}

/** The words of a text that carry its meaning: no function words, no very short words, no `exclude`. */
export function contentWords(text: string, exclude: ReadonlySet<string> = new Set()): ContentWord[] {
  const out: ContentWord[] = [];
  for (const original of wordsOf(text)) {
    const normal = normalWord(original);
    if (normal.length < 3 || exclude.has(normal)) continue;
    const stemmed = stem(normal);
    // Both forms: the list holds base words, so "asked" and "checking" go with "ask" and "check".
    if (STOP_WORDS.has(normal) || STOP_WORDS.has(stemmed)) continue;
    out.push({ original, stem: stemmed });
  }
  return out;
}

/**
 * Whether two stems name the same thing: equal, or one a prefix of the other by at most four
 * letters with at least four in common ("financ"/"finance", "invest"/"investor", "roof"/"rooftop").
 * Loose on purpose: the check is advice, and missing a real mention is worse than a rare stretch.
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 4 && long.startsWith(short);
}
