import { useEffect, useRef, useState } from 'react';
import type { ComposeChannel, ComposeTemplate } from '../../../shared/domain/compose.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import { type EditorStart, TemplateEditor } from './TemplateEditor.tsx';
import { TemplateGroupList } from './TemplateGroupList.tsx';
import {
  TEMPLATE_CHANNELS,
  TEMPLATE_PURPOSES,
  templateChannelLabel,
  templateDisplayName,
} from './templateLabels.ts';
import './composer.css';

const NEW_BODY =
  'Hi {{first_name}},\n\n{{#discussed}}Great talking about {{discussed}}.{{/discussed}}\n\n{{my_name}}';

/**
 * The drafting templates: the user's own, editable, and the built-in variants, read-only, one
 * purpose × channel at a time (there are well over a hundred); a built-in one is copied to edit.
 */
export function TemplateSettings() {
  const api = useApi();
  const toast = useToast();
  const templates = useApiData('templates', (a) => a['templates.list']({}), ['compose']);
  const [editing, setEditing] = useState<EditorStart>();
  const [deleting, setDeleting] = useState<ComposeTemplate>();
  const [purpose, setPurpose] = useState<Purpose>('refresher');
  const [channel, setChannel] = useState<ComposeChannel | 'all'>('email');
  const yoursRef = useRef<HTMLHeadingElement>(null);
  // Bumped by a delete: focus goes to the heading after the commit that removes the dialog and
  // the row (a frame callback could run before it, and the closing dialog then took focus to the page).
  const [focusYours, setFocusYours] = useState(0);
  useEffect(() => {
    if (focusYours > 0) yoursRef.current?.focus();
  }, [focusYours]);

  const all = templates.data ?? [];
  const yours = all.filter((t) => !t.builtIn);
  const builtIn = all.filter(
    (t) => t.builtIn && t.purpose === purpose && (channel === 'all' || t.channel === channel),
  );

  const startNew = () =>
    setEditing({
      title: 'New template',
      fields: {
        name: '',
        purpose,
        channel: channel === 'all' ? 'email' : channel,
        subject: '',
        body: NEW_BODY,
      },
    });
  const duplicate = (t: ComposeTemplate) =>
    setEditing({
      title: 'New template from a built-in one',
      fields: {
        name: `${templateDisplayName(t)} (mine)`,
        purpose: t.purpose,
        channel: t.channel,
        subject: t.subject ?? '',
        body: t.body,
      },
    });
  const edit = (t: ComposeTemplate) =>
    setEditing({
      id: t.id,
      title: 'Edit template',
      fields: {
        name: t.name,
        purpose: t.purpose,
        channel: t.channel,
        subject: t.subject ?? '',
        body: t.body,
      },
    });

  const restore = async (t: ComposeTemplate) => {
    try {
      await api['templates.add']({
        name: t.name,
        purpose: t.purpose,
        channel: t.channel,
        subject: t.subject,
        body: t.body,
      });
      notifyChanged('compose');
      toast({ tone: 'success', message: `“${t.name}” is back` });
    } catch (e) {
      toast({
        tone: 'error',
        message: 'Could not bring the template back',
        detail: toApiError(e).describe(),
      });
    }
  };

  const remove = async (t: ComposeTemplate) => {
    await api['templates.delete']({ id: t.id });
    // The row goes with the dialog, so focus does not return to its vanished Delete button; it
    // goes to the list's heading rather than to the page.
    templates.set(all.filter((x) => x.id !== t.id));
    setDeleting(undefined);
    setFocusYours((n) => n + 1);
    toast({
      tone: 'success',
      message: `Deleted “${t.name}”`,
      detail: 'Drafts already written from it keep their text.',
      action: { label: 'Undo', onClick: () => void restore(t) },
    });
  };

  return (
    <section className="settings-section" aria-labelledby="templates-title">
      <div className="templates-head">
        <h2 id="templates-title">Templates</h2>
        <Button size="sm" icon="plus" onClick={startNew}>
          New template
        </Button>
      </div>
      <p className="muted">
        Drafts are written from these, a different variant each time for one person. Built-in templates cannot
        be changed: duplicate one to make it your own.
      </p>
      {templates.error ? (
        <ErrorBanner
          error={templates.error}
          title="Could not load the templates"
          onRetry={templates.reload}
        />
      ) : null}

      <h3 className="templates-subtitle" ref={yoursRef} tabIndex={-1}>
        Your templates
      </h3>
      {templates.data && yours.length === 0 ? (
        <p className="setting-empty">
          None yet. Duplicate a built-in template below, or start a new one; yours are used alongside the
          built-in ones.
        </p>
      ) : (
        <TemplateGroupList
          templates={yours}
          label="Your templates"
          actions={(t) => (
            <>
              <Button size="sm" aria-label={`Edit “${t.name}”`} onClick={() => edit(t)}>
                Edit
              </Button>
              <Button
                size="sm"
                variant="ghost"
                icon="trash"
                aria-label={`Delete “${t.name}”`}
                onClick={() => setDeleting(t)}
              />
            </>
          )}
        />
      )}

      <div className="templates-builtin-head">
        <h3 className="templates-subtitle">Built-in templates</h3>
        <div className="templates-filters">
          <select
            className="select select-sm"
            aria-label="Purpose of the built-in templates"
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as Purpose)}
          >
            {TEMPLATE_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {purposeLabel(p)}
              </option>
            ))}
          </select>
          <select
            className="select select-sm"
            aria-label="Channel of the built-in templates"
            value={channel}
            onChange={(e) => setChannel(e.target.value as ComposeChannel | 'all')}
          >
            <option value="all">All channels</option>
            {TEMPLATE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {templateChannelLabel(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {templates.data && builtIn.length === 0 ? (
        <p className="setting-empty">No built-in template for this purpose and channel.</p>
      ) : (
        <TemplateGroupList
          templates={builtIn}
          label="Built-in templates"
          actions={(t) => (
            <Button
              size="sm"
              icon="copy"
              aria-label={`Duplicate to edit: ${templateDisplayName(t)}`}
              onClick={() => duplicate(t)}
            >
              Duplicate to edit
            </Button>
          )}
        />
      )}

      {editing ? (
        <TemplateEditor
          start={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(t, created) => {
            setEditing(undefined);
            notifyChanged('compose');
            toast({ tone: 'success', message: created ? `Added “${t.name}”` : `Saved “${t.name}”` });
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this template?"
          confirmLabel="Delete template"
          onClose={() => setDeleting(undefined)}
          onConfirm={() => remove(deleting)}
        >
          <p>
            <strong>{deleting.name}</strong> will no longer be used for new drafts.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
