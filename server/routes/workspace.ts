/** The workspace at /workspace for the people who run the node: sign-in, the produsen's and the
 *  reviewers' home pages and the workflow's steps, one's own account and tokens, people and
 *  organisation profiles, the audit trail, a dashboard. Every page needs a live session (cookie,
 *  server/session.ts), whose user is the same Principal the JSON API sees. */
import type { Router } from 'express';
import type { SignInGuard } from '../auth.js';
import type { AppContext } from '../context.js';
import { mountWorkspaceSession } from './workspace-session.js';
import { mountWorkspaceLayers } from './workspace-layers.js';
import { mountWorkspaceAccount } from './workspace-account.js';
import { mountWorkspacePeople } from './workspace-people.js';
import { mountWorkspaceAudit } from './workspace-audit.js';
import { mountWorkspaceDashboard } from './workspace-dashboard.js';
import { mountWorkspaceUpload } from './workspace-upload.js';
import { mountWorkspaceReview } from './workspace-review.js';
import { mountWorkspaceMetadata } from './workspace-metadata.js';
import { mountWorkspaceStyle } from './workspace-style.js';

export function mountWorkspace(router: Router, ctx: AppContext, guard: SignInGuard): void {
  mountWorkspaceSession(router, ctx, guard);
  mountWorkspaceLayers(router, ctx);
  mountWorkspaceAccount(router, ctx);
  mountWorkspacePeople(router, ctx);
  mountWorkspaceAudit(router, ctx);
  mountWorkspaceDashboard(router, ctx);
  mountWorkspaceUpload(router, ctx);
  mountWorkspaceReview(router, ctx);
  mountWorkspaceMetadata(router, ctx);
  mountWorkspaceStyle(router, ctx);
}
