// The demo desk's knowledge articles, so suggestions beside the form work in the demo at once (a
// desk with a server gets the published ones with its directory). Data only.

import type { PublishedArticle } from '../domain/knowledge';

const published = (
  article: Omit<PublishedArticle, 'revision' | 'publishedAt' | 'validUntil'>,
): PublishedArticle => ({
  ...article,
  validUntil: null,
  revision: 1,
  publishedAt: '2026-01-05T09:00:00.000Z',
});

export const DEMO_KNOWLEDGE_ARTICLES: readonly PublishedArticle[] = [
  published({
    id: 'kb-demo-printer-offline',
    title: 'Printer shows offline or jobs stay in the queue',
    body: '## Clear the queue\n1. Open **Devices and printers** on the caller’s computer.\n2. Right-click the printer, *See what is printing*, then **Cancel all documents**.\n3. Print a test page.\n\nStill offline? Check the printer’s network cable, then escalate to the floor network.',
    keywords: ['spooler', 'stuck job', 'cannot print'],
    ciClasses: ['Printer'],
  }),
  published({
    id: 'kb-demo-paper-jam',
    title: 'Paper jam on a floor printer',
    body: 'Open tray 2 and pull the sheet towards you. Never use scissors.',
    keywords: ['printer', 'tray'],
    ciClasses: ['Printer'],
  }),
  published({
    id: 'kb-demo-vpn',
    title: 'VPN drops every hour',
    body: 'Update the VPN client to the current version; the old one renews its lease badly.',
    keywords: ['remote', 'tunnel'],
    ciClasses: ['Floor network', 'Wireless access point'],
  }),
  published({
    id: 'kb-demo-password',
    title: 'Reset a password at the counter',
    body: 'Check the caller’s badge, then use **Reset password** in the directory. Lockouts clear after 15 minutes.',
    keywords: ['locked out', 'account'],
    ciClasses: [],
  }),
];
