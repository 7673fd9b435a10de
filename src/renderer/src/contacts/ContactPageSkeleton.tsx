import './contact-skeleton.css';

/**
 * The contact page's shape while the person loads, so a slow connection shows where things will
 * be instead of an empty pane. Grey blocks only: nothing to read, announced as loading.
 */
export function ContactPageSkeleton() {
  return (
    <div className="page contact-page contact-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading contact…
      </p>
      <span className="skeleton contact-skeleton-back" />
      <div className="contact-skeleton-header">
        <span className="skeleton contact-skeleton-avatar" />
        <div className="contact-skeleton-lines">
          <span className="skeleton contact-skeleton-name" />
          <span className="skeleton contact-skeleton-line" />
        </div>
      </div>
      <div className="skeleton contact-skeleton-card" />
      <div className="contact-skeleton-columns">
        <div className="skeleton contact-skeleton-panel" />
        <div className="skeleton contact-skeleton-side" />
      </div>
    </div>
  );
}
