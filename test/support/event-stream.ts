import type { LiveEvent } from '../../src/contract';

/** One message of a `text/event-stream`: its id and its data read as a live event. */
export interface StreamMessage {
  id: string | undefined;
  event: LiveEvent;
}

/**
 * Reads a server-sent event stream as a browser's EventSource would: messages split on blank
 * lines, comments (heartbeats) and `retry:` skipped, `data:` lines joined.
 */
export class EventStreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly queue: StreamMessage[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error('the response has no body to stream');
    this.reader = response.body.getReader();
  }

  /** The next message, or a failure naming what was awaited when none comes within `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<StreamMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const queued = this.queue.shift();
      if (queued) return queued;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left);
      });
      const read = await Promise.race([this.reader.read(), timeout]);
      clearTimeout(timer);
      if (read === 'timeout') throw new Error(`no event within ${timeoutMs} ms`);
      if (read.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(read.value, { stream: true });
      this.parse();
    }
  }

  /** Messages until one of `kind` (included), failing if it does not come in time. */
  async until(kind: LiveEvent['kind'], timeoutMs = 5000): Promise<StreamMessage[]> {
    const seen: StreamMessage[] = [];
    for (;;) {
      const message = await this.next(timeoutMs);
      seen.push(message);
      if (message.event.kind === kind) return seen;
    }
  }

  /** Resolves once the server ends the stream (or rejects after `timeoutMs`). */
  async ended(timeoutMs = 5000): Promise<void> {
    for (;;) {
      try {
        await this.next(timeoutMs);
      } catch (error) {
        if ((error as Error).message === 'the stream ended') return;
        throw error;
      }
    }
  }

  /** Hangs up, as a browser closing the tab. */
  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private parse(): void {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end < 0) return;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) this.queue.push({ id, event: JSON.parse(data.join('\n')) as LiveEvent });
    }
  }
}
