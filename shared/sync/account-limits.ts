// The bounds the account screens state beside their fields, without the schemas that enforce them
// (account-requests.ts): a screen shows the hint before zod is loaded.

/** The shortest password someone may choose: long enough not to be guessed in sign-in's limits. */
export const NEW_PASSWORD_MIN = 8;
