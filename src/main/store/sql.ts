/**
 * A tiny tagged template for queries assembled from parts (filters, sort orders): every
 * interpolated value becomes a bound parameter, so user input can never become SQL text.
 * Fragments nest; `trusted` marks constant SQL chosen by code (never by input).
 */
export interface Sql {
  readonly text: string;
  readonly params: unknown[];
}

const SQL_FRAGMENT = Symbol('sql');
type Fragment = Sql & { [SQL_FRAGMENT]: true };

function fragment(text: string, params: unknown[]): Fragment {
  return { text, params, [SQL_FRAGMENT]: true };
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && SQL_FRAGMENT in value;
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, params);
}

/** Constant SQL picked by code from a fixed set, e.g. an ORDER BY clause. */
export function trusted(text: string): Fragment {
  return fragment(text, []);
}

export function joinSql(parts: readonly Sql[], separator: string): Fragment {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

export const EMPTY = trusted('');
