import './ProgressBar.css';

/**
 * A progress bar: determinate when `value` and `max` are known, otherwise a calm sliding band
 * (work is under way, its size is not known yet). The label says what is happening.
 */
export function ProgressBar({
  label,
  detail,
  value,
  max,
}: {
  label: string;
  /** e.g. "1,200 of 50,000 rows"; shown on the right. */
  detail?: string | undefined;
  value?: number | undefined;
  max?: number | undefined;
}) {
  const known = value !== undefined && max !== undefined && max > 0;
  const percent = known ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className="progress">
      <div className="progress-text">
        <span className="progress-label">{label}</span>
        {detail ? <span className="progress-detail">{detail}</span> : null}
      </div>
      <div
        className={known ? 'progress-track' : 'progress-track is-indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={detail}
      >
        <span className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
