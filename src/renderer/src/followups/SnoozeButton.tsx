import { formatHour, formatTime } from '../format/dates.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { Button } from '../ui/Button.tsx';
import { Menu } from '../ui/Menu.tsx';
import './followups.css';
import type { SnoozePreset } from './useFollowUpActions.ts';

/** "Snooze" and its three choices; the parent owns `open` so a key (S) can open it too. */
export function SnoozeButton({
  open,
  onOpenChange,
  onSnooze,
  shortcut,
  now = new Date(),
}: {
  open: boolean;
  onOpenChange: (open: boolean, refocus?: boolean) => void;
  onSnooze: (preset: SnoozePreset) => void;
  /** Shown inside the button when its item has the keyboard focus. */
  shortcut?: string | undefined;
  now?: Date;
}) {
  const { settings } = useSettings();
  const inAnHour = new Date(now.getTime() + 3_600_000).toISOString();
  return (
    <span className="menu-anchor">
      <Button
        size="sm"
        variant="ghost"
        icon="clock"
        aria-haspopup="menu"
        aria-expanded={open}
        shortcut={shortcut}
        onClick={() => onOpenChange(!open)}
      >
        Snooze
      </Button>
      {open ? (
        <Menu
          label="Snooze until"
          onClose={(refocus) => onOpenChange(false, refocus)}
          items={[
            {
              key: '1h',
              label: 'In an hour',
              hint: `at ${formatTime(inAnHour)}`,
              shortcut: '1',
              onSelect: () => onSnooze('1h'),
            },
            {
              key: 'tomorrow',
              label: 'Tomorrow',
              hint: settings ? `at ${formatHour(settings.followUpHour)}` : undefined,
              shortcut: '2',
              onSelect: () => onSnooze('tomorrow'),
            },
            {
              key: 'nextWeek',
              label: 'Next week',
              hint: 'a week from now',
              shortcut: '3',
              onSelect: () => onSnooze('nextWeek'),
            },
          ]}
        />
      ) : null}
    </span>
  );
}
