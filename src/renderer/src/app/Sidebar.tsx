import { dueCount, useToday } from '../today/TodayContext.tsx';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { href, type Route } from './router.ts';

const NAV: {
  section: 'today' | 'calendar' | 'contacts' | 'events';
  label: string;
  icon: IconName;
  path: string;
  keys: string;
}[] = [
  { section: 'today', label: 'Today', icon: 'target', path: '/today', keys: 'G T' },
  { section: 'calendar', label: 'Calendar', icon: 'calendarDays', path: '/calendar', keys: 'G A' },
  { section: 'contacts', label: 'Contacts', icon: 'users', path: '/contacts', keys: 'G C' },
  { section: 'events', label: 'Events', icon: 'calendar', path: '/events', keys: 'G E' },
];

/** Occasional work, kept apart from the daily screens. */
const TOOLS: {
  section: 'import' | 'duplicates';
  label: string;
  icon: IconName;
  path: string;
  keys: string;
}[] = [
  { section: 'import', label: 'Import', icon: 'download', path: '/import', keys: 'G I' },
  { section: 'duplicates', label: 'Duplicates', icon: 'layers', path: '/duplicates', keys: 'G D' },
];

function sectionOf(route: Route): string {
  switch (route.name) {
    case 'contacts':
    case 'contact':
      return 'contacts';
    case 'events':
    case 'event':
      return 'events';
    default:
      return route.name;
  }
}

export function Sidebar({
  route,
  onCapture,
  onShowShortcuts,
}: {
  route: Route;
  onCapture: () => void;
  onShowShortcuts: () => void;
}) {
  const current = sectionOf(route);
  const due = dueCount(useToday().data);
  return (
    <aside className="sidebar">
      <div className="sidebar-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="arrowUpRight" size={14} />
          </span>
          <span className="brand-name">Followthrough</span>
        </div>
        <button type="button" className="sidebar-capture" onClick={onCapture}>
          <Icon name="plus" />
          <span>Capture</span>
          <Kbd subtle>N</Kbd>
        </button>
        <nav aria-label="Main" className="sidebar-nav">
          {NAV.map((item) => (
            <a
              key={item.section}
              href={href(item.path)}
              className="sidebar-link"
              aria-current={current === item.section ? 'page' : undefined}
              title={`${item.label} (${item.keys})`}
            >
              <Icon name={item.icon} />
              <span>{item.label}</span>
              {item.section === 'today' && due > 0 ? (
                <span className="sidebar-badge">
                  {due > 99 ? '99+' : due}
                  <span className="visually-hidden"> due</span>
                </span>
              ) : null}
            </a>
          ))}
        </nav>
        <div className="sidebar-footer">
          {TOOLS.map((item) => (
            <a
              key={item.section}
              href={href(item.path)}
              className="sidebar-link"
              aria-current={current === item.section ? 'page' : undefined}
              title={`${item.label} (${item.keys})`}
            >
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </a>
          ))}
          <a
            href={href('/settings')}
            className="sidebar-link"
            aria-current={current === 'settings' ? 'page' : undefined}
            title="Settings (G S)"
          >
            <Icon name="settings" />
            <span>Settings</span>
          </a>
          <button type="button" className="sidebar-link" onClick={onShowShortcuts}>
            <Icon name="keyboard" />
            <span>Shortcuts</span>
            <Kbd subtle>?</Kbd>
          </button>
        </div>
      </div>
    </aside>
  );
}
