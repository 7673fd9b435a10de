import { useApiData } from '../api/useApiData.ts';
import { navigate } from '../app/router.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Kbd } from '../ui/Kbd.tsx';

/** No active contacts: either a first run (teach capture and demo data) or everyone is archived. */
export function NoContactsState({
  onCapture,
  showingArchived,
  onShowArchived,
}: {
  onCapture: () => void;
  showingArchived: boolean;
  onShowArchived: () => void;
}) {
  const info = useApiData('app.info', (api) => api['app.info']({}));
  const archived = useApiData(`archived-count:${showingArchived}`, async (api) =>
    showingArchived ? 0 : (await api['contacts.list']({ status: 'archived', limit: 1 })).total,
  );
  const db = info.data?.databasePath;
  if (archived.data) {
    return (
      <EmptyState
        icon="archive"
        title="Everyone here is archived"
        actions={<Button onClick={onShowArchived}>Show {plural(archived.data, 'archived contact')}</Button>}
      >
        <p>
          Archived people stay searchable but out of your way. Capture someone new with <Kbd>N</Kbd>.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon="users"
      title="Nobody here yet"
      actions={
        <>
          <Button variant="primary" icon="plus" shortcut="N" onClick={onCapture}>
            Capture someone you met
          </Button>
          <Button icon="download" onClick={() => navigate('/import')}>
            Import contacts
          </Button>
        </>
      }
    >
      <p>
        Press <Kbd>N</Kbd> to capture someone you met: their name, where you met and what you talked about. It
        takes ten seconds, and it is what makes your follow-up personal.
      </p>
      <p>Already have them in LinkedIn, Google, Outlook or your phone? Import the file they export.</p>
      <p className="empty-state-aside">
        Just looking around? Load a demo network from a terminal:
        <code className="command">npm run cli -- seed --contacts 200{db ? ` --db "${db}"` : ''}</code>
      </p>
    </EmptyState>
  );
}
