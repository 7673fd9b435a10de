import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Icon, type IconName } from './Icon.tsx';
import './Toast.css';

export interface ToastOptions {
  message: string;
  detail?: string;
  tone?: 'success' | 'error' | 'info';
  /** Overrides the tone's icon, e.g. a bell for a reminder. */
  icon?: IconName;
  action?: ToastAction;
  /** A second button after `action` (a reminder's Done beside Open). */
  secondaryAction?: ToastAction;
  /** Errors stay until dismissed; everything else fades after a few seconds. */
  durationMs?: number;
}

export interface ToastAction {
  label: string;
  onClick: () => void;
}

interface ToastItem extends ToastOptions {
  id: number;
}

const ToastContext = createContext<((toast: ToastOptions) => void) | null>(null);

export function useToast(): (toast: ToastOptions) => void {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast must be used inside <ToastProvider>');
  return push;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const push = useCallback(
    (toast: ToastOptions) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      const duration = toast.durationMs ?? (toast.tone === 'error' ? 0 : toast.action ? 8000 : 4000);
      if (duration > 0) window.setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );

  const value = useMemo(() => push, [push]);

  return (
    <ToastContext value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`toast toast-${t.tone ?? 'info'}`}
            role={t.tone === 'error' ? 'alert' : 'status'}
          >
            <Icon
              name={t.icon ?? (t.tone === 'error' ? 'alert' : t.tone === 'success' ? 'check' : 'sparkle')}
            />
            <div className="toast-text">
              <span className="toast-message">{t.message}</span>
              {t.detail ? <span className="toast-detail">{t.detail}</span> : null}
            </div>
            {[t.action, t.secondaryAction].map((action) =>
              action ? (
                <button
                  key={action.label}
                  type="button"
                  className="toast-action"
                  onClick={() => {
                    action.onClick();
                    dismiss(t.id);
                  }}
                >
                  {action.label}
                </button>
              ) : null,
            )}
            <button
              type="button"
              className="toast-dismiss"
              aria-label="Dismiss"
              onClick={() => dismiss(t.id)}
            >
              <Icon name="x" size={14} />
            </button>
          </div>
        ))}
      </section>
    </ToastContext>
  );
}
