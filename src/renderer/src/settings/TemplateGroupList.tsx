import type { ReactNode } from 'react';
import type { ComposeTemplate } from '../../../shared/domain/compose.ts';
import { groupTemplates, templateDisplayName } from './templateLabels.ts';

/** Templates under one heading per purpose × channel, each with its first lines and its actions. */
export function TemplateGroupList({
  templates,
  label,
  actions,
}: {
  templates: readonly ComposeTemplate[];
  label: string;
  actions: (template: ComposeTemplate) => ReactNode;
}) {
  const groups = groupTemplates(templates);
  if (groups.length === 0) return null;
  return (
    <div className="template-groups">
      {groups.map((group) => (
        <div key={group.key} className="template-group">
          <h4 className="template-group-title">{group.title}</h4>
          <ul className="template-list" aria-label={`${label}: ${group.title}`}>
            {group.templates.map((t) => (
              <li key={t.id} className="template-item">
                <div className="template-item-text">
                  <span className="template-item-name">{templateDisplayName(t)}</span>
                  {t.subject ? <span className="template-item-subject">{t.subject}</span> : null}
                  <span className="template-item-excerpt">{t.body}</span>
                </div>
                <div className="template-item-actions">{actions(t)}</div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
