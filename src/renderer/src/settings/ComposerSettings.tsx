import { useId } from 'react';
import type { Composer, Settings } from '../../../shared/settings.ts';
import { INLINE, SettingRow, useSaveSettings } from './SettingControls.tsx';
import { StockPhraseSetting } from './StockPhraseSetting.tsx';
import { TextSetting } from './TextSetting.tsx';
import './composer.css';

/** How drafted messages are signed, and what the personalisation check warns about (issue 11). */
export function ComposerSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const composer = settings.composer;
  // The group is saved whole, like the other groups: the contract replaces nested groups.
  const set = (patch: Partial<Composer>) => save({ composer: { ...composer, ...patch } }, INLINE);
  const ids = { name: useId(), nameHint: useId(), signature: useId(), signatureHint: useId() };

  return (
    <section className="settings-section" aria-labelledby="composer-settings-title">
      <h2 id="composer-settings-title">Composer</h2>
      <p className="muted">
        How the messages drafted for you are signed, and which phrases the personalisation check points out.
      </p>
      <div className="setting-list">
        <SettingRow
          label="My name"
          htmlFor={ids.name}
          hint={
            <span id={ids.nameHint}>
              Drafts sign off with it (“Best, Sam”). Left empty, they end without a sign-off.
            </span>
          }
        >
          <TextSetting
            id={ids.name}
            label="My name"
            value={composer.myName}
            placeholder="Sam Reed"
            hintId={ids.nameHint}
            onSave={(myName) => set({ myName })}
          />
        </SettingRow>
        <SettingRow
          label="Signature"
          htmlFor={ids.signature}
          hint={
            <span id={ids.signatureHint}>
              Under your name in e-mails and notes: your role, a link, a phone number. Saved when you leave
              the field, or with Ctrl+Enter.
            </span>
          }
        >
          <TextSetting
            id={ids.signature}
            label="Signature"
            value={composer.signature}
            multiline
            placeholder={'Founder, Reed Solar\nreedsolar.example'}
            hintId={ids.signatureHint}
            onSave={(signature) => set({ signature })}
          />
        </SettingRow>
        <StockPhraseSetting
          phrases={composer.stockPhrases}
          onSave={(stockPhrases) => set({ stockPhrases })}
        />
      </div>
    </section>
  );
}
