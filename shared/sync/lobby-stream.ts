// The lobby board's event stream (`GET /api/v1/lobby/{location}/events`): the event's name and how a
// board reads one. Shapes only; the server sends, the lobby page receives.

import { LobbyBoard } from './walk-up-api';

/** Each event carries a whole LobbyBoard: on every visit change, and every so often regardless. */
export const LOBBY_BOARD_EVENT = 'board';

/** A board event's data, or null when it is not a board this page can show. */
export function readBoardEvent(data: string): LobbyBoard | null {
  try {
    const board = LobbyBoard.safeParse(JSON.parse(data));
    return board.success ? board.data : null;
  } catch {
    return null;
  }
}
