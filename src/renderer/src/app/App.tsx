import { lazy, Suspense, useState } from 'react';
import { QuickCapture } from '../capture/QuickCapture.tsx';
import { ComposerProvider } from '../compose/ComposerContext.tsx';
import { ContactsScreen } from '../contacts/ContactsScreen.tsx';
import { ContactListStateProvider } from '../contacts/listState.tsx';
import { useReminderNotices } from '../reminders/useReminderNotices.ts';
import { TodayProvider } from '../today/TodayContext.tsx';
import { TodayScreen } from '../today/TodayScreen.tsx';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { CaptureContext } from './CaptureContext.tsx';
import { HOME, navigate, type Route, useRoute } from './router.ts';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { Sidebar } from './Sidebar.tsx';
import { requestSearchFocus } from './searchFocus.ts';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import './app.css';

// Only the start page (Today) and the contacts list are in the main bundle: the first screen
// has a 500 ms budget and parse time is part of it. The other screens load when first opened
// (FullCalendar alone is most of the code).
const CalendarScreen = lazy(() =>
  import('../calendar/CalendarScreen.tsx').then((m) => ({ default: m.CalendarScreen })),
);
const ContactPage = lazy(() =>
  import('../contacts/ContactPage.tsx').then((m) => ({ default: m.ContactPage })),
);
const EventsScreen = lazy(() =>
  import('../events/EventsScreen.tsx').then((m) => ({ default: m.EventsScreen })),
);
const EventPage = lazy(() => import('../events/EventPage.tsx').then((m) => ({ default: m.EventPage })));
const ImportScreen = lazy(() =>
  import('../imports/ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })),
);
const DuplicatesScreen = lazy(() =>
  import('../duplicates/DuplicatesScreen.tsx').then((m) => ({ default: m.DuplicatesScreen })),
);
// Insights brings the chart library (in a chunk of its own, loaded with the first chart).
const InsightsScreen = lazy(() =>
  import('../insights/InsightsScreen.tsx').then((m) => ({ default: m.InsightsScreen })),
);
const SettingsScreen = lazy(() =>
  import('../settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);

export function App() {
  const route = useRoute();
  const [captureOpen, setCaptureOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openCapture = () => setCaptureOpen(true);

  useGlobalShortcuts({
    openCapture,
    openShortcuts: () => setShortcutsOpen(true),
    focusSearch: () => {
      if (!requestSearchFocus()) navigate('/contacts');
    },
  });
  useReminderNotices();

  return (
    <CaptureContext value={openCapture}>
      <ComposerProvider>
        <TodayProvider>
          <ContactListStateProvider>
            <div className="app-frame">
              <Sidebar route={route} onCapture={openCapture} onShowShortcuts={() => setShortcutsOpen(true)} />
              <main className="app-main">
                <Suspense fallback={<div className="screen" aria-busy="true" />}>
                  <Screen route={route} />
                </Suspense>
              </main>
            </div>
            {captureOpen ? (
              <QuickCapture
                eventId={route.name === 'event' ? route.id : undefined}
                onClose={() => setCaptureOpen(false)}
              />
            ) : null}
            {shortcutsOpen ? <ShortcutsSheet onClose={() => setShortcutsOpen(false)} /> : null}
          </ContactListStateProvider>
        </TodayProvider>
      </ComposerProvider>
    </CaptureContext>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayScreen params={route.params} />;
    case 'calendar':
      return <CalendarScreen params={route.params} />;
    case 'contacts':
      return <ContactsScreen params={route.params} />;
    case 'contact':
      return <ContactPage key={route.id} id={route.id} />;
    case 'events':
      return <EventsScreen />;
    case 'event':
      return <EventPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'import':
      return <ImportScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'insights':
      return <InsightsScreen params={route.params} />;
    case 'not-found':
      return (
        <EmptyState
          icon="alert"
          title="There is no page here"
          actions={<Button onClick={() => navigate(HOME)}>Go to Today</Button>}
        >
          <p>
            Nothing lives at <code>#{route.path}</code>.
          </p>
        </EmptyState>
      );
  }
}
