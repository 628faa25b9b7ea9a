// janode ships no type declarations: the parts CivicDesk uses, typed loosely (responses are Janus JSON).
declare module 'janode' {
  import type { EventEmitter } from 'node:events';

  export type JanodeEventData = Record<string, unknown> & {
    jsep?: { type: 'offer' | 'answer'; sdp: string };
  };

  export interface Handle extends EventEmitter {
    id: number;
    trickle(candidate: unknown): Promise<unknown>;
    trickleComplete(): Promise<unknown>;
    message(body: Record<string, unknown>, jsep?: unknown): Promise<unknown>;
    hangup(): Promise<unknown>;
    detach(): Promise<unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: plugin helpers take and return Janus JSON
    [method: string]: any;
  }
  export interface Session extends EventEmitter {
    id: number;
    attach(plugin: { id: string; Handle: unknown }): Promise<Handle>;
    destroy(): Promise<unknown>;
  }
  export interface Connection extends EventEmitter {
    create(keepaliveSeconds?: number): Promise<Session>;
    close(): Promise<unknown>;
  }
  const Janode: {
    connect(config: unknown): Promise<Connection>;
    EVENT: { CONNECTION_CLOSED: string; CONNECTION_ERROR: string; SESSION_DESTROYED: string } & Record<
      string,
      string
    >;
    Logger: { setLevel(level: string): void };
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  const plugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default plugin;
}

declare module 'janode/plugins/streaming' {
  const plugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default plugin;
}
