import type { RealtimeMessage } from '@civicdesk/contracts/notifications';

export type RealtimeOptions = {
  onMessage: (message: RealtimeMessage) => void;
  /** Called on every successful (re)connection, so callers can refetch what they may have missed. */
  onOpen?: (reconnected: boolean) => void;
};

export type RealtimeConnection = { close(): void };

const maxDelayMs = 30_000;

/** The per-user push channel at /api/realtime (cookie-authenticated), reconnecting with jittered backoff. */
export function connectRealtime({ onMessage, onOpen }: RealtimeOptions): RealtimeConnection {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/realtime`;
  let socket: WebSocket | undefined;
  let timer: number | undefined;
  let attempt = 0;
  let opened = false;
  let closed = false;

  function open() {
    timer = undefined;
    socket = new WebSocket(url);
    socket.onopen = () => {
      onOpen?.(opened);
      opened = true;
      attempt = 0;
    };
    socket.onmessage = (event) => {
      let message: RealtimeMessage;
      try {
        message = JSON.parse(String(event.data)) as RealtimeMessage;
      } catch {
        return;
      }
      onMessage(message);
    };
    socket.onclose = () => {
      socket = undefined;
      if (!closed) schedule();
    };
  }

  function schedule(delay?: number) {
    if (timer !== undefined || closed) return;
    const backoff = Math.min(maxDelayMs, 1000 * 2 ** attempt);
    attempt += 1;
    timer = window.setTimeout(open, delay ?? backoff * (0.5 + Math.random() / 2));
  }

  // Coming back online or to the tab: try at once instead of waiting out the backoff.
  function retryNow() {
    if (socket || closed) return;
    window.clearTimeout(timer);
    timer = undefined;
    schedule(0);
  }
  window.addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', retryNow);

  open();
  return {
    close() {
      closed = true;
      window.clearTimeout(timer);
      window.removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', retryNow);
      socket?.close();
    },
  };
}
