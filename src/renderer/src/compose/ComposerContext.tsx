import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { useRoute } from '../app/router.ts';

/** Whom the composer writes to: a step (its contact follows), or a contact without a step. */
export type ComposeTarget =
  | { stepId: number; contactId?: undefined }
  | { contactId: number; stepId?: undefined };

const ComposerContext = createContext<(target: ComposeTarget) => void>(() => {});

/** Opens the composer from anywhere: Today, the calendar card, a contact page, a notice. */
export function useOpenComposer(): (target: ComposeTarget) => void {
  return useContext(ComposerContext);
}

// Loaded when first opened: the start page's bundle has a budget, and most visits write nothing.
const ComposerDialog = lazy(() =>
  import('./ComposerDialog.tsx').then((m) => ({ default: m.ComposerDialog })),
);

/** `?compose=<step id>` on any route opens the composer for that step (a clicked notification). */
export const COMPOSE_PARAM = 'compose';

function composeParam(hash: string): number | null {
  const search = hash.split('?')[1];
  if (!search) return null;
  const value = new URLSearchParams(search).get(COMPOSE_PARAM);
  return value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** The hash without `compose=`, so Back or a reload does not open the composer again. */
function withoutComposeParam(hash: string): string {
  const [path = '', search = ''] = hash.split('?');
  const params = new URLSearchParams(search);
  params.delete(COMPOSE_PARAM);
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

export function ComposerProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<ComposeTarget | null>(null);
  // Keyed per opening, so a second target starts a fresh composer rather than reusing state.
  const [opening, setOpening] = useState(0);
  const open = useCallback((next: ComposeTarget) => {
    setTarget(next);
    setOpening((n) => n + 1);
  }, []);

  // Read while rendering: a screen's own effect (Today's ?item=) may rewrite the hash before ours runs.
  useRoute();
  const fromLink = composeParam(window.location.hash);
  useEffect(() => {
    if (fromLink === null) return;
    open({ stepId: fromLink });
    const hash = window.location.hash;
    if (composeParam(hash) !== null)
      window.history.replaceState(window.history.state, '', withoutComposeParam(hash));
  }, [fromLink, open]);

  return (
    <ComposerContext value={open}>
      {children}
      {target ? (
        <Suspense fallback={null}>
          <ComposerDialog key={opening} target={target} onClose={() => setTarget(null)} />
        </Suspense>
      ) : null}
    </ComposerContext>
  );
}
