import { useApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * What the contact sync left for the user to decide (issue 14): fields changed on both sides,
 * contacts deleted here whose card is still on the server, cards matched only by name. They are
 * decided in the merge view (Duplicates); Settings says how many wait and links there.
 */
export function ContactsWaiting() {
  const conflicts = useApiData('sync.conflicts.list', (a) => a['sync.conflicts.list']({}), [
    'sync',
    'contacts',
  ]);
  const pending = useApiData('sync.contacts.pending', (a) => a['sync.contacts.pending']({}), [
    'sync',
    'contacts',
  ]);
  const error = conflicts.error ?? pending.error;
  if (error)
    return (
      <ErrorBanner
        error={error}
        title="Could not read what the contact sync left for you"
        onRetry={() => {
          conflicts.reload();
          pending.reload();
        }}
      />
    );
  if (!conflicts.data || !pending.data) return null;
  const parts = [
    count(
      conflicts.data.length,
      'field changed here and on the server',
      'fields changed here and on the server',
    ),
    count(
      pending.data.deletes.length,
      'contact deleted here, still on the server',
      'contacts deleted here, still on the server',
    ),
    count(
      pending.data.reviews.length,
      'card that may be someone you have',
      'cards that may be people you have',
    ),
  ].filter((p): p is string => p !== null);
  if (!parts.length) return null;
  return (
    <p className="sync-waiting" role="note">
      <Icon name="alert" size={14} />
      <span>
        Waiting for your choice: {parts.join('; ')}. <a href={href('/duplicates')}>Decide in Duplicates</a>,
        where both values are shown side by side.
      </span>
    </p>
  );
}

function count(n: number, one: string, many: string): string | null {
  return n === 0 ? null : n === 1 ? `1 ${one}` : `${n} ${many}`;
}
