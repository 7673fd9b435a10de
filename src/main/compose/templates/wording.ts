import type { ComposeChannel } from '../../../shared/domain/compose.ts';

/**
 * Built-in templates are data: Mustache text, one set per purpose, three or more wordings per
 * channel. A sentence that uses a fact sits inside a section on it ({{#discussed}}…{{/discussed}}),
 * so an unknown fact drops its whole sentence; an inverted section ({{^discussed}}) says something
 * general instead. Every wording names the person outside any section.
 */
export interface Wording {
  /** Shown in the template list: "Refresher · E-mail · Warm". */
  name: string;
  /** E-mail only. */
  subject?: string;
  body: string;
}

export type PurposeWordings = Readonly<
  Record<ComposeChannel, readonly [Wording, Wording, Wording, ...Wording[]]>
>;

// Shared phrases, spelled once. Still plain template text: the editor shows them expanded.
/** " at Web Summit yesterday", " on Tuesday", or nothing. */
export const MET = '{{#met_where}} at {{met_where}}{{/met_where}}{{#met_when}} {{met_when}}{{/met_when}}';
/** "Tuesday 9 June at 10:00 or Wednesday 10 June at 09:00"; only inside {{#time_1}}. */
export const TIMES = '{{time_1}}{{#time_2}} or {{time_2}}{{/time_2}}';
/** The e-mail signature from Settings, else my name, else nothing. */
export const SIGNED = '{{#signature}}{{signature}}{{/signature}}{{^signature}}{{my_name}}{{/signature}}';
