// The text/event-stream format as the desk server sends it (`event:` and `data:` lines, comments),
// read incrementally from text chunks. Shared by the desks' poke stream and the lobby board; no I/O.

/** The text/event-stream format, as far as the desk server uses it: `event:` and `data:` lines. */
export class EventStreamParser {
  private buffer = '';
  private readonly onEvent: (event: string, data: string) => void;

  constructor(onEvent: (event: string, data: string) => void) {
    this.onEvent = onEvent;
  }

  feed(text: string): void {
    this.buffer += text.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) this.onEvent(event, data.join('\n'));
    }
  }
}
