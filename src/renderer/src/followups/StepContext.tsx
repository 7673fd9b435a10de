import './followups.css';

/**
 * What to mention, as main phrases it ("Discussed: … · Next step: …"): each part on its own line
 * with its label set apart, so the message can be written straight from it.
 */
export function StepContext({ context }: { context: string }) {
  const parts = context.split(' · ').map((part) => {
    const match = /^([A-Z][\w ’'-]{0,24}): (.+)$/s.exec(part);
    return match ? { label: match[1], text: match[2] } : { label: undefined, text: part };
  });
  return (
    <div className="step-context">
      <span className="visually-hidden">What to mention: </span>
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string, never reordered
        <p key={i} className="step-context-part">
          {p.label ? <span className="step-context-label">{p.label}</span> : null}
          <span className="step-context-text">{p.text}</span>
        </p>
      ))}
    </div>
  );
}
