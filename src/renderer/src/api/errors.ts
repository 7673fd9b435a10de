import { ApiError, type ErrorIssue } from '../../../shared/api/errors.ts';

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', message);
}

/**
 * The issues that belong to one form field. `prefix` is the field's path in the payload
 * ("patch.company" for contacts.update, "emails" for contacts.create); nested paths match too.
 */
export function issuesFor(error: ApiError | undefined, prefix: string): ErrorIssue[] {
  if (!error?.issues) return [];
  return error.issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}

/** The first issue of a field as a sentence ("Email is not an e-mail address"), or undefined. */
export function fieldMessage(error: ApiError | undefined, prefix: string, label: string): string | undefined {
  const issue = issuesFor(error, prefix)[0];
  return issue ? `${label} ${issue.message}` : undefined;
}

/** What a banner says: the message, plus the issues no field claimed. */
export function describeUnclaimed(error: ApiError, claimedPrefixes: readonly string[]): string {
  const unclaimed = (error.issues ?? []).filter(
    (i) => !claimedPrefixes.some((p) => i.path === p || i.path.startsWith(`${p}.`)),
  );
  if (error.issues?.length && unclaimed.length === 0) return 'Please correct the highlighted fields.';
  return new ApiError(error.code, error.message, unclaimed.length ? unclaimed : undefined).describe();
}
