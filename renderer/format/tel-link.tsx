// A phone number as shown anywhere in the app: a `tel:` link the agent's softphone dials (click to
// dial), the number as written for its text. Plain text when there is nothing to dial.

import { telUri } from '../../shared/domain/tel-uri';

export function TelLink({ number, e164 = '' }: { number: string; e164?: string }) {
  const href = telUri(number, e164);
  const text = number.trim() || e164;
  if (!href) return <>{text}</>;
  return (
    <a className="tel-link" href={href} title={`Call ${text}`}>
      {text}
    </a>
  );
}
