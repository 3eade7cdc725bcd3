import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  body?: ((close: () => void) => ReactNode) | undefined;
  duration: number;
}

export interface ToastOptions {
  /** Extra content under the message (buttons, a field); gets a function that closes the toast. */
  body?: (close: () => void) => ReactNode;
  /** How long the toast stays, in milliseconds, while the pointer and focus are elsewhere. */
  duration?: number;
}

interface ToastApi {
  notify: (message: string, tone?: Toast['tone'], options?: ToastOptions) => void;
}

const ToastContext = createContext<ToastApi>({ notify: () => {} });

/**
 * Short messages at the bottom of the screen, read out by screen readers. A toast stays while
 * the pointer is over it or focus is inside it, so a field in it (a "why?") can be filled in.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback((message: string, tone: Toast['tone'] = 'info', options: ToastOptions = {}) => {
    const id = next.current++;
    const duration = options.duration ?? (tone === 'error' ? 8000 : 4000);
    setToasts((list) => [...list.slice(-2), { id, message, tone, body: options.body, duration }]);
  }, []);
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <ToastView key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const onClose = useCallback(() => dismiss(toast.id), [dismiss, toast.id]);
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const paused = held.pointer || held.focus;
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(onClose, toast.duration);
    return () => window.clearTimeout(timer);
  }, [paused, toast.duration, onClose]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer and focus only pause the timer
    <div
      className={`toast toast-${toast.tone}${toast.body ? ' toast-rich' : ''}`}
      data-testid="toast"
      onMouseEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null))
          setHeld((h) => ({ ...h, focus: false }));
      }}
    >
      <div className="toast-main">
        <span>{toast.message}</span>
        {toast.body?.(onClose)}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
