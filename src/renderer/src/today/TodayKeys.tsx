import { Kbd } from '../ui/Kbd.tsx';

const KEYS: [string[], string][] = [
  [['J', 'K'], 'move'],
  [['W'], 'write'],
  [['D'], 'done'],
  [['S'], 'snooze'],
  [['X'], 'skip'],
  [['P'], 'plan a follow-up'],
  [['Z'], 'undo'],
  [['Enter'], 'open'],
];

/** A quiet reminder of the keys under the list; the full sheet is behind "?". */
export function TodayKeys() {
  return (
    <footer className="today-keys">
      {KEYS.map(([keys, label]) => (
        <span key={label}>
          {keys.map((k) => (
            <Kbd key={k} subtle>
              {k}
            </Kbd>
          ))}{' '}
          {label}
        </span>
      ))}
    </footer>
  );
}
