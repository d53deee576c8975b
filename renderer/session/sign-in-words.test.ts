// The sign-in screen's words: the shared schema's field messages and the server's refusals.

import { describe, expect, it } from 'vitest';
import { SIGN_IN_WORDS, checkSignIn, describeSignInError, waitingText } from './sign-in-words';

describe('sign-in words', () => {
  it('checks the input with the shared SignInRequest schema', async () => {
    await expect(checkSignIn({ userName: '  ', password: '' })).resolves.toEqual({
      ok: false,
      errors: { userName: 'Enter your user name.', password: 'Enter your password.' },
    });
    await expect(checkSignIn({ userName: ' sam ', password: 'pw' })).resolves.toEqual({
      ok: true,
      value: { userName: 'sam', password: 'pw' },
    });
  });

  it('turns each refusal into words, and field messages into field errors', () => {
    expect(describeSignInError({ code: 'invalid-input', message: 'x' }).message).toBe(
      SIGN_IN_WORDS.wrongCredentials,
    );
    expect(
      describeSignInError({
        code: 'invalid-input',
        message: 'x',
        fieldErrors: { userName: 'Too long.' },
      }),
    ).toEqual({ message: 'Check the fields marked.', fieldErrors: { userName: 'Too long.' } });
    expect(describeSignInError({ code: 'rule', message: 'x' }).message).toBe(
      SIGN_IN_WORDS.tooManyTries,
    );
    expect(describeSignInError({ code: 'not-ready', message: 'x' }).message).toContain(
      'after that, this desk works offline',
    );
    expect(describeSignInError({ code: 'internal', message: 'Boom.' }).message).toBe(
      'Signing in did not work: Boom.',
    );
  });

  it('says how many changes wait, and nothing when none do', () => {
    expect(waitingText(0)).toBeNull();
    expect(waitingText(1)).toContain('1 change saved on this desk is not synced yet. It is kept');
    expect(waitingText(5)).toContain('5 changes saved on this desk are not synced yet.');
  });
});
