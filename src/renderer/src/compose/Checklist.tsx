import type { CheckResult } from '../../../shared/domain/compose.ts';
import { formatWhen } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * The personalisation check beside the text: each item with its reason in words. Advice, never a
 * block; the timing item offers the better moment it names.
 */
export function Checklist({
  result,
  checking,
  onScheduleAt,
  scheduling,
}: {
  result: CheckResult | null;
  checking: boolean;
  /** Absent when there is nothing to move (the composer is for a contact without a step). */
  onScheduleAt?: ((at: string) => void) | undefined;
  scheduling: boolean;
}) {
  const items = result?.checks ?? [];
  const good = items.filter((i) => i.ok).length;
  return (
    <section
      className="composer-checks"
      aria-labelledby="composer-checks-title"
      aria-busy={checking || undefined}
    >
      <header className="composer-checks-head">
        <h3 id="composer-checks-title">Checklist</h3>
        {/* One quiet summary for screen readers, rather than every item on every keystroke. */}
        <span className="composer-checks-count" role="status">
          {items.length ? `${good} of ${items.length} look good` : 'Checking…'}
        </span>
      </header>
      <ul className="composer-check-list">
        {items.map((item) => (
          <li
            key={item.id}
            className={item.ok ? 'composer-check is-ok' : 'composer-check is-advice'}
            data-check={item.id}
          >
            <span className="composer-check-icon" aria-hidden="true">
              <Icon name={item.ok ? 'check' : 'alert'} size={13} />
            </span>
            <div className="composer-check-text">
              <span className="composer-check-message">
                <span className="visually-hidden">{item.ok ? 'Good: ' : 'Worth a look: '}</span>
                {item.message}
              </span>
              {item.id === 'timing' && !item.ok && item.suggestAt && onScheduleAt ? (
                <Button
                  size="sm"
                  variant="ghost"
                  icon="clock"
                  busy={scheduling}
                  className="composer-check-action"
                  onClick={() => onScheduleAt(item.suggestAt as string)}
                >
                  Schedule for {formatWhen(item.suggestAt)}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <p className="composer-checks-note">Advice only: send it as you see fit.</p>
    </section>
  );
}
