// The list of migrations, in order. Static imports rather than a folder scan, so the server
// bundle carries them and a missing file is a build error, not a surprise at start-up.

import type { Migration } from 'kysely';
import * as m0001 from './0001-directory-and-sessions';
import * as m0002 from './0002-interactions-and-sync';
import * as m0003 from './0003-mutation-digests';
import * as m0004 from './0004-incidents-requests-catalog';
import * as m0005 from './0005-parallel-pushes';
import * as m0006 from './0006-mutation-clock';
import * as m0007 from './0007-launch-codes';
import * as m0008 from './0008-administration';
import * as m0009 from './0009-ldap-settings';
import * as m0010 from './0010-catalog-drafts-and-exports';
import * as m0011 from './0011-walk-up';
import * as m0012 from './0012-phone';
import * as m0013 from './0013-desk-figures';
import * as m0014 from './0014-figure-indexes';
import * as m0015 from './0015-history-search';
import * as m0016 from './0016-contact-templates';
import * as m0017 from './0017-knowledge-articles';
import * as m0018 from './0018-article-ratings';
import * as m0019 from './0019-snapshot-indexes';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-directory-and-sessions': m0001,
  '0002-interactions-and-sync': m0002,
  '0003-mutation-digests': m0003,
  '0004-incidents-requests-catalog': m0004,
  '0005-parallel-pushes': m0005,
  '0006-mutation-clock': m0006,
  '0007-launch-codes': m0007,
  '0008-administration': m0008,
  '0009-ldap-settings': m0009,
  '0010-catalog-drafts-and-exports': m0010,
  '0011-walk-up': m0011,
  '0012-phone': m0012,
  '0013-desk-figures': m0013,
  '0014-figure-indexes': m0014,
  '0015-history-search': m0015,
  '0016-contact-templates': m0016,
  '0017-knowledge-articles': m0017,
  '0018-article-ratings': m0018,
  '0019-snapshot-indexes': m0019,
};

export const LATEST_MIGRATION = '0019-snapshot-indexes';
