import type { DraftFact, ProposedTime } from '../../../shared/domain/compose.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';

/** The text a proposed time adds to the message: their clock when their zone differs from mine. */
export function proposedTimeText(time: ProposedTime): string {
  return time.theirs ? `${time.theirs} (your time)` : time.mine;
}

/** Two working slots that suit both of us, each one click from the message. */
export function ProposedTimes({
  times,
  onInsert,
}: {
  times: ProposedTime[];
  onInsert: (text: string) => void;
}) {
  if (!times.length) return null;
  return (
    <section className="composer-times" aria-labelledby="composer-times-title">
      <h3 id="composer-times-title" className="composer-aside-title">
        Times to propose
      </h3>
      <ul>
        {times.map((time) => (
          <li key={time.at}>
            <span className="composer-time">
              <span className="composer-time-mine">
                <Icon name="clock" size={13} /> {time.mine}
              </span>
              {time.theirs ? <span className="composer-time-theirs">{time.theirs} for them</span> : null}
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon="plus"
              aria-label={`Insert ${proposedTimeText(time)} into the message`}
              onClick={() => onInsert(proposedTimeText(time))}
            >
              Insert
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the draft drew on, as the user wrote it: the reason it reads as written for this person. */
export function FactsUsed({ facts }: { facts: DraftFact[] }) {
  const shown = facts.filter((f) => f.id !== 'signature' && f.id !== 'proposed_times');
  if (!shown.length) return null;
  return (
    <section className="composer-facts" aria-labelledby="composer-facts-title">
      <h3 id="composer-facts-title" className="composer-aside-title">
        What the draft uses
      </h3>
      <dl>
        {shown.map((fact) => (
          <div key={`${fact.id}-${fact.text}`}>
            <dt>{fact.label}</dt>
            <dd>{fact.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
