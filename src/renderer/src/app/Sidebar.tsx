import { dueCount, useToday } from '../today/TodayContext.tsx';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { KeyHint } from '../ui/Kbd.tsx';
import { href, type Route } from './router.ts';

interface NavItem {
  section: string;
  label: string;
  icon: IconName;
  path: string;
  keys: string;
}

const NAV: NavItem[] = [
  { section: 'today', label: 'Today', icon: 'target', path: '/today', keys: 'G T' },
  { section: 'calendar', label: 'Calendar', icon: 'calendarDays', path: '/calendar', keys: 'G A' },
  { section: 'contacts', label: 'Contacts', icon: 'users', path: '/contacts', keys: 'G C' },
  { section: 'events', label: 'Events', icon: 'calendar', path: '/events', keys: 'G E' },
  { section: 'insights', label: 'Insights', icon: 'chart', path: '/insights', keys: 'G R' },
];

/** Occasional work, kept apart from the daily screens. */
const TOOLS: NavItem[] = [
  { section: 'import', label: 'Import', icon: 'download', path: '/import', keys: 'G I' },
  { section: 'duplicates', label: 'Duplicates', icon: 'layers', path: '/duplicates', keys: 'G D' },
  { section: 'settings', label: 'Settings', icon: 'settings', path: '/settings', keys: 'G S' },
];

function SidebarLink({ item, current, badge }: { item: NavItem; current: string; badge?: number }) {
  return (
    <a
      href={href(item.path)}
      className="sidebar-link"
      aria-current={current === item.section ? 'page' : undefined}
      title={`${item.label} (${item.keys})`}
    >
      <Icon name={item.icon} />
      <span>{item.label}</span>
      {badge ? (
        <span className="sidebar-badge">
          {badge > 99 ? '99+' : badge}
          <span className="visually-hidden"> due</span>
        </span>
      ) : null}
    </a>
  );
}

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
        <button type="button" className="sidebar-capture" onClick={onCapture} aria-keyshortcuts="N">
          <Icon name="plus" />
          <span>Capture</span>
          <KeyHint keyName="N" />
        </button>
        <nav aria-label="Main" className="sidebar-nav">
          {NAV.map((item) => (
            <SidebarLink
              key={item.section}
              item={item}
              current={current}
              {...(item.section === 'today' && due > 0 ? { badge: due } : {})}
            />
          ))}
        </nav>
        <div className="sidebar-footer">
          {TOOLS.map((item) => (
            <SidebarLink key={item.section} item={item} current={current} />
          ))}
          <button type="button" className="sidebar-link" onClick={onShowShortcuts} aria-keyshortcuts="?">
            <Icon name="keyboard" />
            <span>Shortcuts</span>
            <KeyHint keyName="?" />
          </button>
        </div>
      </div>
    </aside>
  );
}
