// The deskpad:// protocol: Deskpad is the OS's handler for `deskpad://call?from=…&callId=…`, a
// softphone's link arrives (open-url on macOS, a launch's arguments elsewhere) and, checked, goes to
// the focused app window, which pops the caller without the server. Never opens a record itself.

import type { App } from 'electron';
import {
  DESKPAD_PROTOCOL,
  callLinkInArgv,
  parseCallLink,
  type CallLink,
} from '../../shared/call-link';
import type { Log } from './log';

export type CallLinkApp = Pick<App, 'setAsDefaultProtocolClient' | 'on'>;

export interface CallLinkDeps {
  readonly app: CallLinkApp;
  /**
   * How this Electron was started: an unpackaged run (`electron path/to/main.js`) registers the
   * script too, or the OS would open a bare Electron for the link.
   */
  readonly launch: {
    readonly defaultApp: boolean;
    readonly execPath: string;
    readonly argv: readonly string[];
  };
  /** Sends the link to the focused app window; false when no window can take it yet. */
  deliver(link: CallLink): boolean;
  readonly log: Pick<Log, 'info' | 'warn'>;
}

export interface CallLinks {
  /** The link a second launch carried (Windows, Linux), passed on by the single-instance lock. */
  fromArgv(argv: readonly string[]): void;
  /** An app window has loaded: the link that arrived before it is delivered now. */
  windowReady(): void;
}

/** Registers the protocol and its events; handles the link this launch itself carries. */
export function registerCallLinks(deps: CallLinkDeps): CallLinks {
  const { app, launch, log } = deps;
  // Only the newest: a softphone's older link is a call already over.
  let pending: CallLink | null = null;

  const handle = (text: string): void => {
    const parsed = parseCallLink(text);
    if (!parsed.ok) {
      log.warn(`Ignored a ${DESKPAD_PROTOCOL}:// link: ${parsed.reason}`);
      return;
    }
    pending = deps.deliver(parsed.link) ? null : parsed.link;
  };

  const script = launch.argv[1];
  const registered =
    launch.defaultApp && script !== undefined
      ? app.setAsDefaultProtocolClient(DESKPAD_PROTOCOL, launch.execPath, [script])
      : app.setAsDefaultProtocolClient(DESKPAD_PROTOCOL);
  if (!registered) log.warn(`Could not register Deskpad as the ${DESKPAD_PROTOCOL}:// handler.`);

  app.on('open-url', (event, url) => {
    event.preventDefault();
    handle(typeof url === 'string' ? url : '');
  });
  const fromArgv = (argv: readonly string[]): void => {
    const link = callLinkInArgv(argv);
    if (link !== undefined) handle(link);
  };
  fromArgv(launch.argv);

  return {
    fromArgv,
    windowReady() {
      if (pending !== null && deps.deliver(pending)) pending = null;
    },
  };
}
