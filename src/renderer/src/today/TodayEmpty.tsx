import { addDays, formatHour, parseIsoDate, weekdayName } from '../format/dates.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';

/** The first working day on or after `day` (workingDays: 0 = Sunday … 6 = Saturday). */
function workingDayFrom(day: string, workingDays: readonly number[]): string {
  let d = day;
  for (let i = 0; i < 7 && !workingDays.includes(parseIsoDate(d).getDay()); i++) d = addDays(d, 1);
  return d;
}

/**
 * Nothing at all to show: teach the loop (capture → refresher appears here) in the user's own
 * timing, counted from the server's today so it is right whatever the browser's clock says.
 */
export function TodayEmpty({ today, onCapture }: { today: string; onCapture: () => void }) {
  const { settings } = useSettings();
  const met = settings?.playbooks.met;
  const hour = formatHour(settings?.followUpHour ?? 9);
  const due = workingDayFrom(addDays(today, met?.delayDays ?? 1), settings?.workingDays ?? [1, 2, 3, 4, 5]);
  const days = Math.round((parseIsoDate(due).getTime() - parseIsoDate(today).getTime()) / 86_400_000);
  const when =
    days === 0
      ? `today at ${hour}`
      : days === 1
        ? `tomorrow at ${hour}`
        : `on ${weekdayName(parseIsoDate(due).getDay())} at ${hour}`;
  return (
    <EmptyState
      icon="check"
      title="Nothing due"
      actions={
        <Button variant="primary" icon="plus" shortcut="N" onClick={onCapture}>
          Capture someone you met
        </Button>
      }
    >
      {met?.enabled === false ? (
        <p>
          Refreshers after meeting someone are switched off in Settings; follow-ups you schedule yourself
          appear here on their day.
        </p>
      ) : (
        <p>
          Capture someone you met and the refresher appears here {when}, with what you talked about, ready to
          send.
        </p>
      )}
    </EmptyState>
  );
}
