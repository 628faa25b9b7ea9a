import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveClient, type Snapshot } from './live-client.ts';

const idle = { subscribe: () => () => {}, snapshot: null };

/** A live connection to a meeting (or its relay) while `enabled`; closed when the component goes away. */
export function useLive(meetingId: string, mode: 'meeting' | 'relay', enabled: boolean) {
  const [client, setClient] = useState<LiveClient | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const c = new LiveClient(meetingId, mode);
    c.connect();
    setClient(c);
    // Tests read decoded frames from the page.
    (window as unknown as { civicdeskLive?: LiveClient }).civicdeskLive = c;
    return () => {
      c.close();
      setClient(null);
    };
  }, [meetingId, mode, enabled]);
  const source = client ?? idle;
  const snapshot = useSyncExternalStore(source.subscribe, () => source.snapshot) as Snapshot | null;
  return { client, snapshot };
}
