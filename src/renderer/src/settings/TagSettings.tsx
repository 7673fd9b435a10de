import type { TagCount } from '../../../shared/domain/contact.ts';
import type { Settings } from '../../../shared/settings.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { useApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { PACING_LABELS } from '../followups/purposes.ts';
import { CadenceSelect, PacingSelect } from '../followups/RhythmSelects.tsx';
import { plural } from '../format/text.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';

/** A whole group's rhythm in one place: investors deliberate, clients every 90 days, and so on. */
export function TagSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const tags = useApiData('tags', (a) => a['contacts.tags']({}), ['contacts']);
  const update = async (tag: TagCount, patch: Pick<TagCount, 'pacing'> | Pick<TagCount, 'cadenceDays'>) => {
    const saved = await api['tags.update']({ name: tag.name, ...patch });
    tags.set((tags.data ?? []).map((t) => (t.name === saved.name ? saved : t)));
    notifyChanged('contacts');
  };
  const fallback = PACING_LABELS[settings.defaultPacing].toLowerCase();
  return (
    <section className="settings-section" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      <p className="muted">
        Give a group its own pacing and keep-in-touch rhythm. A choice made on a person’s page wins over their
        tags.
      </p>
      {tags.error ? (
        <ErrorBanner error={tags.error} title="Could not load the tags" onRetry={tags.reload} />
      ) : null}
      {tags.data && tags.data.length === 0 ? (
        <p className="setting-empty">
          No tags yet. Tag people on their page (investors, clients, friends), then set each group’s rhythm
          here.
        </p>
      ) : null}
      {tags.data?.length ? (
        <table className="tag-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Pacing</th>
              <th scope="col">Keep in touch</th>
            </tr>
          </thead>
          <tbody>
            {tags.data.map((tag) => (
              <tr key={tag.name}>
                <th scope="row">
                  <a
                    className="pill pill-neutral"
                    href={href(`/contacts?tag=${encodeURIComponent(tag.name)}`)}
                  >
                    {tag.name}
                  </a>
                  <span className="faint tag-table-count">{plural(tag.count, 'person', 'people')}</span>
                </th>
                <td>
                  <PacingSelect
                    label={`Pacing for ${tag.name}`}
                    value={tag.pacing}
                    inheritLabel={`Default (${fallback})`}
                    onSave={(pacing) => update(tag, { pacing })}
                  />
                </td>
                <td>
                  <CadenceSelect
                    label={`Keep in touch with ${tag.name}`}
                    value={tag.cadenceDays}
                    onSave={(cadenceDays) => update(tag, { cadenceDays })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
