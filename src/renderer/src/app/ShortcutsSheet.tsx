import { Fragment } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { SHORTCUT_GROUPS } from './shortcutList.ts';

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Everything you do often is one or two keys away."
      size="lg"
      onClose={onClose}
    >
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group" aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.label} className="shortcut-item">
                  <dt>{item.label}</dt>
                  <dd>
                    {item.keys.map((combo, i) => (
                      <Fragment key={combo.join('+')}>
                        {i > 0 ? <span className="shortcut-or">or</span> : null}
                        <span className="shortcut-combo">
                          {combo.map((k) => (
                            <Kbd key={k}>{k}</Kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
