import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import type { SaveOutcome } from './SettingControls.tsx';

/**
 * The user's own stock phrases, which the check flags besides its built-in list. Each addition
 * goes to main, whose words for a refused phrase ("must be at least 3 characters") appear next
 * to the field; the typed phrase stays so it can be fixed.
 */
export function StockPhraseSetting({
  phrases,
  onSave,
}: {
  phrases: readonly string[];
  onSave: (phrases: string[]) => Promise<SaveOutcome>;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // After a removal, focus the next phrase's Remove button (or the field when none is left).
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const ids = { input: useId(), hint: useId(), problem: useId() };

  useEffect(() => {
    if (focusAt === null) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons[Math.min(focusAt, buttons.length - 1)] ?? inputRef.current)?.focus();
    setFocusAt(null);
  }, [focusAt]);

  const add = async () => {
    const phrase = text.trim();
    if (!phrase) return;
    if (phrases.some((p) => p.toLowerCase() === phrase.toLowerCase())) {
      setProblem(`“${phrase}” is already in your list.`);
      return;
    }
    setBusy(true);
    const outcome = await onSave([...phrases, phrase]);
    setBusy(false);
    if (outcome === true) {
      // Only what was added is cleared: text typed while the save was on its way stays.
      setText((now) => (now.trim() === phrase ? '' : now));
      setProblem(null);
      return;
    }
    const issue = outcome.issues?.[0];
    // composer.stockPhrases.3 is the phrase; composer.stockPhrases the list as a whole.
    const aboutPhrase = issue ? /\.\d+$/.test(issue.path) : false;
    setProblem(
      issue
        ? `${aboutPhrase ? 'A phrase' : 'The list'} ${issue.message}; “${phrase}” was not added.`
        : outcome.message,
    );
  };

  const remove = async (index: number) => {
    setProblem(null);
    setFocusAt(index);
    await onSave(phrases.filter((_, i) => i !== index));
  };

  return (
    <div className="setting-row setting-row-stacked">
      <div className="setting-text">
        <label className="setting-label" htmlFor={ids.input}>
          Extra stock phrases
        </label>
        <p className="setting-hint" id={ids.hint}>
          The check already points out “just checking in”, “touching base”, “circling back”, “per my last
          e-mail” and “hope this finds you well”. Add the ones you catch yourself writing.
        </p>
      </div>
      {phrases.length ? (
        <ul ref={listRef} className="phrase-list" aria-label="Your stock phrases">
          {phrases.map((phrase, i) => (
            <li key={phrase} className="phrase-chip">
              <span>{phrase}</span>
              <button
                type="button"
                className="phrase-remove"
                aria-label={`Remove “${phrase}”`}
                onClick={() => void remove(i)}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="phrase-add">
        <input
          ref={inputRef}
          id={ids.input}
          className="input input-sm"
          type="text"
          autoComplete="off"
          placeholder="Add a phrase, e.g. “quick question”"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[problem ? ids.problem : null, ids.hint].filter(Boolean).join(' ')}
          onChange={(e) => {
            setText(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <Button size="sm" icon="plus" busy={busy} disabled={!text.trim()} onClick={() => void add()}>
          Add
        </Button>
      </div>
      {problem ? (
        <p id={ids.problem} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
