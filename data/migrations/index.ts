/** Every migration, in any order (the runner sorts by version). Add yours in your range.
 *  Taken: 1–5 core, 6 workflow, 7 people (organisation profiles, users, tokens), 8 layer versions, 9 workspace sessions, 10 overviews and user e-mail, 101–103 web mercator, and those of data/styles. */
import type { Migration } from './types.js';
import { core } from './001-core.js';
import { spatialRefSys } from './002-srs.js';
import { organisations } from './003-organisations.js';
import { audit } from './004-audit.js';
import { auditSubjects } from './005-audit-subjects.js';
import { workflow } from './006-workflow.js';
import { people } from './007-people.js';
import { versions } from './008-versions.js';
import { sessions } from './009-sessions.js';
import { overviewsAndMail } from './010-metadata-overview-mail.js';
import { layerStyleForm, layerStyles } from '../styles/migration.js';
import { webMercatorColumns } from './101-web-mercator.js';
import { webMercatorFollows } from './102-web-mercator-follows.js';
import { webMercatorUnindexed } from './103-web-mercator-unindexed.js';

export const MIGRATIONS: Migration[] = [
  core,
  spatialRefSys,
  organisations,
  audit,
  auditSubjects,
  workflow,
  people,
  versions,
  sessions,
  overviewsAndMail,
  webMercatorColumns,
  webMercatorFollows,
  webMercatorUnindexed,
  layerStyles,
  layerStyleForm,
];
