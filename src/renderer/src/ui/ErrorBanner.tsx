import type { ApiError } from '../../../shared/api/errors.ts';
import { Button } from './Button.tsx';
import { Icon } from './Icon.tsx';

/** An error in words, never swallowed: the API's own description, with an optional retry. */
export function ErrorBanner({
  error,
  text,
  onRetry,
  title = 'Something went wrong',
}: {
  error?: ApiError | undefined;
  text?: string;
  onRetry?: () => void;
  title?: string;
}) {
  const body = text ?? error?.describe();
  if (!body) return null;
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" />
      <div className="banner-body">
        <strong>{title}</strong>
        <p>{body}</p>
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
