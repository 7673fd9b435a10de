import { useId, useState } from 'react';

/** Past this a summary (a message sent from the composer, kept whole) starts folded. */
const FOLD_CHARS = 320;
const FOLD_LINES = 5;

function isLong(text: string): boolean {
  return text.length > FOLD_CHARS || text.split('\n').length > FOLD_LINES;
}

/**
 * What was said, in full: a long one (a whole e-mail) shows its first lines with a control to
 * read the rest, so one message does not push the rest of the timeline off the screen.
 */
export function TimelineSummary({ text }: { text: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  if (!isLong(text)) return <p className="timeline-summary">{text}</p>;
  return (
    <>
      <p id={id} className={open ? 'timeline-summary' : 'timeline-summary is-folded'}>
        {text}
      </p>
      <button
        type="button"
        className="timeline-expand"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Show less' : 'Show the whole message'}
      </button>
    </>
  );
}
