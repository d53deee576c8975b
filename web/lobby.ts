// The lobby board page's entry (lobby.html?location=ID, served by the desk server): wires the
// browser's fetch, storage, sound and timers into the lobby board. No UI here.

import { API_PREFIX } from '../shared/sync/server-api';
import { browserAudio, createChime } from '../renderer/lobby/chime';
import { browserTimers } from '../renderer/lobby/lobby-connection';
import { httpLobbyTransport } from '../renderer/lobby/lobby-transport';
import { mountLobby } from '../renderer/lobby/mount-lobby';

const root = document.getElementById('root');
if (!root) throw new Error('lobby.html has no #root element.');

const location = new URLSearchParams(window.location.search).get('location');

mountLobby(root, {
  transport: httpLobbyTransport(API_PREFIX, (input, init) => fetch(input, init)),
  location: location === null || location.trim() === '' ? null : location.trim(),
  storage: window.localStorage,
  chime: createChime(browserAudio),
  timers: browserTimers,
});
