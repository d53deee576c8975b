import { describe, expect, it } from 'vitest';
import { callLinkInArgv, parseCallLink } from './call-link';

describe('parseCallLink', () => {
  it('reads the caller’s number and the call id', () => {
    expect(parseCallLink('deskpad://call?from=%2B442079460958&callId=pbx-4711')).toEqual({
      ok: true,
      link: { from: '+442079460958', callId: 'pbx-4711' },
    });
    expect(parseCallLink('deskpad://call/?from=020+7946+0958')).toEqual({
      ok: true,
      link: { from: '020 7946 0958' },
    });
    expect(parseCallLink('deskpad:call?from=4711')).toEqual({ ok: true, link: { from: '4711' } });
  });

  it('refuses what is not a call link, saying why', () => {
    expect(parseCallLink('https://call?from=4711')).toEqual({
      ok: false,
      reason: 'Only deskpad:// links are handled.',
    });
    expect(parseCallLink('deskpad://settings?from=4711')).toEqual({
      ok: false,
      reason: 'deskpad://settings is not a known link.',
    });
    expect(parseCallLink('deskpad://call')).toEqual({ ok: false, reason: 'from is required.' });
    expect(parseCallLink('deskpad://call?from=anonymous')).toEqual({
      ok: false,
      reason: 'from must be a phone number.',
    });
    expect(parseCallLink('deskpad://call?from=1&from=2')).toEqual({
      ok: false,
      reason: 'from is given twice.',
    });
    expect(parseCallLink('deskpad://call?from=1&callId=' + 'x'.repeat(201)).ok).toBe(false);
    expect(parseCallLink('not a url').ok).toBe(false);
    expect(parseCallLink(`deskpad://call?from=${'1'.repeat(2000)}`)).toEqual({
      ok: false,
      reason: 'The link is too long.',
    });
  });
});

describe('callLinkInArgv', () => {
  it('finds the link a second launch was given', () => {
    expect(callLinkInArgv(['/opt/Deskpad/deskpad', '--flag', 'deskpad://call?from=1'])).toBe(
      'deskpad://call?from=1',
    );
    expect(callLinkInArgv(['/opt/Deskpad/deskpad'])).toBeUndefined();
  });
});

describe('parseCallLink on odd input', () => {
  it('refuses a link it cannot decode', () => {
    expect(parseCallLink('deskpad://call?from=%E0%A4%A')).toEqual({
      ok: false,
      reason: 'The link is not encoded correctly.',
    });
    expect(parseCallLink('DESKPAD://CALL?from=4711')).toEqual({ ok: true, link: { from: '4711' } });
  });
});
