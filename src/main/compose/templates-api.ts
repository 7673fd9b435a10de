import type { ComposeTemplate, TemplateProblem } from '../../shared/domain/compose.ts';
import { BUILTIN_TEMPLATES } from './templates/builtin.ts';
import { validateTemplate } from './validate.ts';

// What the handlers use of the drafting engine, in one place.
export { type DraftOptions, type DraftText, draftFor, renderTemplate, variantKey } from './draft.ts';

export const builtInTemplates = (): readonly ComposeTemplate[] => BUILTIN_TEMPLATES;

export const templateProblems = (subject: string | null, body: string): TemplateProblem[] =>
  validateTemplate({ subject, body });
