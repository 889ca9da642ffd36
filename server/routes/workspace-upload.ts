/** The upload wizard at /workspace/upload: (1) the files are sent (XMLHttpRequest with a progress
 *  bar, or a plain form) into a staging folder of the session's user; (2) the import process
 *  describes them without writing (data/import describeFile: layers, geometry type, count, CRS with
 *  its name, code page, attributes, a sample drawn over the city's boundaries), and the CRS and
 *  code page may be corrected; (3) name, title, organisation and access class, then the one import
 *  path (importFile) writes, with its progress polled. `?replace=org:name` writes a new version of
 *  a layer the same way (a pending version once the layer was published). Nothing is written
 *  before step 3, and an upload that cannot be read leaves no folder behind. */
import type { Request, Response, Router } from 'express';
import { ACCESS_CLASSES, canWrite, type AccessClass } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { describeFile, importFile } from '../../data/import/import-file.js';
import { importPool } from '../../data/import/import-pool.js';
import { importBusy } from '../../data/import/errors.js';
import type { SourceDescription } from '../../data/import/import-protocol.js';
import { sanitiseNames } from '../../data/layers/columns.js';
import { CRS_TABLE } from '../../data/crs.js';
import type { AppContext } from '../context.js';
import { Staging, type Staged } from '../upload-staging.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { requireSession, sendWorkspace, userOf, type User } from '../web/workspace/page.js';
import { closeAfterUpload, receiveUpload, uploadRefusal } from './admin-upload.js';

/** Features of each layer drawn on the preview map. */
const SAMPLE = 2000;
const LAYER_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** The CRSs offered when the file's is wrong or missing: the city's usual ones. */
const CRS_CHOICES = [4326, 3857, 9470, 9488, 4755, 23878, 23834, 32748].map((epsg) => ({
  epsg,
  name: CRS_TABLE.find((c) => c.epsg === epsg)?.name ?? '',
}));
const ENCODINGS = ['UTF-8', 'CP1252', 'ISO-8859-1', 'ISO-8859-15', 'CP437', 'CP850'];
const HEAD =
  '<link rel="stylesheet" href="/assets/workspace.css"><link rel="stylesheet" href="/map/lib/maplibre-gl.css"><link rel="stylesheet" href="/assets/ws-upload.css">';

type Lang = ReturnType<typeof pageLanguage>;

/** The corrections a person chose in step 2 (from the query or the form), checked against the lists. */
interface Choice {
  srs: string;
  encoding: string;
  layer: string;
}

function choiceOf(src: Record<string, unknown>): Choice {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const srs = str(src.srs);
  const encoding = str(src.encoding);
  return {
    srs: CRS_CHOICES.some((c) => `EPSG:${c.epsg}` === srs) ? srs : '',
    encoding: ENCODINGS.includes(encoding) ? encoding : '',
    layer: str(src.layer).slice(0, 200),
  };
}

const query = (c: Choice) =>
  new URLSearchParams(Object.entries(c).filter(([, v]) => v) as Array<[string, string]>).toString();

/** A layer name from the file's as people know it (the upload's name, not the layer inside a zip). */
function suggestedName(d: SourceDescription): string {
  const file = d.label.replace(/\s*\(.*$/, '').replace(/(\.[a-z0-9]{2,7})+$/i, '');
  let n = sanitiseNames([file])[0].slice(0, 50);
  if (!/^[a-z]/.test(n)) n = `layer_${n}`;
  return LAYER_NAME.test(n) ? n : 'layer_baru';
}

export function mountWorkspaceUpload(router: Router, ctx: AppContext): void {
  const staging = new Staging();
  const pool = () => importPool(ctx.config.importProcesses, ctx.config.importQueue);
  const isOrg = (code: string) => !!ctx.catalogue.organisation(code);
  const maxMb = () => Math.round(ctx.config.maxUploadBytes / 1024 / 1024);

  /** The layer a replace writes to, when the user may write to it; else undefined. */
  const replaceable = (p: User, name: unknown): Layer | undefined => {
    if (typeof name !== 'string' || !name) return undefined;
    const layer = ctx.catalogue.find(p, name);
    return layer && canWrite(p, layer.organisation) ? layer : undefined;
  };

  /** The description of a staged upload with these corrections (kept for the page and its sample). */
  const describe = (s: Staged, c: Choice): Promise<SourceDescription> => {
    const key = query(c);
    let d = s.described.get(key) as Promise<SourceDescription> | undefined;
    if (!d) {
      d = describeFile({
        file: staging.source(s),
        label: s.files.length === 1 ? s.files[0] : undefined,
        layer: c.layer || undefined,
        srs: c.srs || undefined,
        encoding: c.encoding || undefined,
        pool: pool(),
        sample: SAMPLE,
      });
      if (s.described.size >= 3) s.described.delete(s.described.keys().next().value!);
      s.described.set(key, d);
      d.catch(() => s.described.delete(key));
    }
    return d;
  };

  const refusedPage = (req: Request, res: Response, status: number, detail: string) =>
    sendWorkspace(req, res, 'error', { title: String(status), status, heading: String(status), detail }, status);

  // Step 1: the drop zone.
  router.get('/workspace/upload', requireSession, (req, res) => {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const refused = uploadRefusal(p, undefined, isOrg);
    if (refused) return refusedPage(req, res, 403, refused.message);
    const layer = req.query.replace === undefined ? undefined : replaceable(p, req.query.replace);
    if (req.query.replace !== undefined && !layer) return refusedPage(req, res, 404, String(req.query.replace));
    sendWorkspace(req, res, 'ws-upload', {
      title: layer ? w(lang, 'uploadNewVersion') : w(lang, 'uploadTitle'),
      head: HEAD,
      layer,
      maxBytes: ctx.config.maxUploadBytes,
      mb: maxMb(),
    });
  });

  // Step 1's files: into the staging folder, then described; an unreadable upload leaves nothing.
  router.post('/workspace/upload', closeAfterUpload, requireSession, async (req, res, next) => {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const fail = (status: number, message: string) => res.status(status).json({ error: message });
    try {
      const refused = uploadRefusal(p, undefined, isOrg);
      if (refused) return fail(403, w(lang, 'uploadRefused', { detail: refused.message }));
      const replace = req.query.replace === undefined ? undefined : replaceable(p, req.query.replace);
      if (req.query.replace !== undefined && !replace) return fail(404, String(req.query.replace));
      if (pool().full()) throw importBusy(30);
      const received = await receiveUpload(req, ctx.config.maxUploadBytes);
      const staged = staging.add(received, p.userId, replace?.name);
      try {
        await describe(staged, choiceOf({}));
      } catch (err) {
        staging.drop(staged);
        throw err;
      }
      res.status(201).json({ next: `/workspace/upload/${staged.id}` });
    } catch (err) {
      if (!(err instanceof OgcError) || err.status >= 500) {
        if (err instanceof OgcError) return fail(err.status, w(lang, 'uploadRefused', { detail: err.message }));
        return next(err);
      }
      const key = err.status === 413 ? 'uploadRefused' : err.locator === 'file' ? 'uploadUnreadable' : 'uploadRefused';
      fail(err.status, w(lang, key, { detail: err.message }));
    }
  });

  /** Steps 2 and 3 on one page: what was read, the corrections, the form that writes. */
  async function checkPage(
    req: Request,
    res: Response,
    s: Staged,
    c: Choice,
    form: Record<string, string> = {},
    errors: Record<string, string> = {},
    status = 200,
  ) {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const replace = s.replace ? replaceable(p, s.replace) : undefined;
    let d: SourceDescription | null = null;
    let readError = '';
    try {
      d = await describe(s, c);
    } catch (err) {
      if (!(err instanceof OgcError) || err.status >= 500) throw err;
      readError = w(lang, 'uploadUnreadable', { detail: err.message });
    }
    const own = p.role === 'produsen';
    const orgs = own
      ? [{ code: p.organisation ?? '', name: ctx.catalogue.organisation(p.organisation ?? '')?.name ?? '' }]
      : ctx.catalogue
          .organisations()
          .filter((o) => canWrite(p, o.code))
          .map((o) => ({ code: o.code, name: o.name }));
    sendWorkspace(
      req,
      res,
      'ws-upload-check',
      {
        title: w(lang, 'uploadTitle'),
        head: HEAD,
        id: s.id,
        d,
        readError,
        choice: c,
        crsChoices: CRS_CHOICES,
        encodings: ENCODINGS,
        crsMissing: !!d?.layers.some((l) => l.crsProblem),
        sampleUrl: `/workspace/upload/${s.id}/sample.geojson?${query(c)}`,
        sample: SAMPLE,
        extent: ctx.config.site.extent,
        replace,
        orgs,
        fixedOrg: own || !!replace,
        accessClasses: ACCESS_CLASSES,
        form: {
          name: form.name ?? (replace ? replace.localName : d ? suggestedName(d) : ''),
          title: form.title ?? (replace ? replace.title : d ? suggestedName(d) : ''),
          org: form.org ?? replace?.organisation ?? orgs[0]?.code ?? '',
          access: form.access ?? replace?.accessClass ?? 'PUBLIC',
        },
        errors,
        job: s.job,
      },
      status,
    );
  }

  router.get('/workspace/upload/:id', requireSession, async (req, res, next) => {
    try {
      const s = staging.get(String(req.params.id), userOf(res).userId);
      if (!s) return refusedPage(req, res, 404, w(pageLanguage(req, res), 'uploadExpired'));
      if (s.job) return resultPage(req, res, s);
      await checkPage(req, res, s, choiceOf(req.query as Record<string, unknown>));
    } catch (err) {
      next(err);
    }
  });

  // The preview's features: the sample of the description the page showed.
  router.get('/workspace/upload/:id/sample.geojson', requireSession, async (req, res, next) => {
    try {
      const s = staging.get(String(req.params.id), userOf(res).userId);
      if (!s || s.job) return res.status(404).json({ error: 'no such upload' });
      const d = await describe(s, choiceOf(req.query as Record<string, unknown>));
      res.set('Cache-Control', 'private, no-store').json({
        type: 'FeatureCollection',
        features: d.layers.flatMap((l) => l.sample.features.map((f) => ({ ...f, properties: { layer: l.name } }))),
      });
    } catch (err) {
      if (err instanceof OgcError && err.status < 500) return res.status(err.status).json({ error: err.message });
      next(err);
    }
  });

  // Step 3: checked, then written through the one import path, in the background; the page polls.
  router.post('/workspace/upload/:id', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const wantsJson = (req.get('accept') ?? '').includes('application/json');
      const s = staging.get(String(req.params.id), p.userId);
      if (!s || s.job) {
        if (wantsJson) return res.status(404).json({ error: w(lang, 'uploadExpired') });
        return refusedPage(req, res, 404, w(lang, 'uploadExpired'));
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const c = choiceOf(body);
      const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
      const form = {
        name: str(body.name),
        title: str(body.title).slice(0, 500),
        org: str(body.org),
        access: str(body.access),
      };
      const replace = s.replace ? replaceable(p, s.replace) : undefined;
      if (s.replace && !replace) return refusedPage(req, res, 404, s.replace);
      const org = replace ? replace.organisation : p.role === 'produsen' ? (p.organisation ?? '') : form.org;
      const name = replace ? replace.localName : form.name;
      const errors: Record<string, string> = {};
      if (!replace) {
        if (!LAYER_NAME.test(name)) errors.name = w(lang, 'uploadNameBad');
        else if (ctx.catalogue.unguardedGet(`${org}:${name}`)) errors.name = w(lang, 'uploadNameTaken', { name });
        if (!isOrg(org) || !canWrite(p, org)) errors.org = w(lang, 'uploadOrgBad');
        if (!ACCESS_CLASSES.includes(form.access as AccessClass)) errors.access = w(lang, 'uploadAccessBad');
      }
      const d = await describe(s, c).catch(() => null);
      if (!d || d.layers.some((l) => l.crsProblem)) errors.form = w(lang, 'uploadCrsFirst');
      if (Object.keys(errors).length) {
        if (wantsJson) return res.status(400).json({ errors });
        return await checkPage(req, res, s, c, form, errors, 400);
      }
      const job = startImport(s, c, d!, {
        org,
        name,
        title: replace
          ? form.title && form.title !== replace.title
            ? form.title
            : undefined
          : form.title || undefined,
        access: replace ? undefined : (form.access as AccessClass),
        replace: !!replace,
        p,
        lang,
      });
      if (wantsJson) return res.status(202).json({ status: `/workspace/upload/${s.id}/status` });
      // Without JS: the answer waits for the import, then the result.
      await job;
      res.redirect(303, `/workspace/upload/${s.id}`);
    } catch (err) {
      next(err);
    }
  });

  router.get('/workspace/upload/:id/status', requireSession, (req, res) => {
    const s = staging.get(String(req.params.id), userOf(res).userId);
    if (!s?.job) return res.status(404).json({ error: w(pageLanguage(req, res), 'uploadExpired') });
    res.set('Cache-Control', 'no-store').json(s.job);
  });

  function startImport(
    s: Staged,
    c: Choice,
    d: SourceDescription,
    o: { org: string; name: string; title?: string; access?: AccessClass; replace: boolean; p: User; lang: Lang },
  ): Promise<void> {
    const known = d.layers.every((l) => l.featureCount !== null);
    const job = (s.job = {
      state: 'running' as const,
      read: 0,
      total: known ? d.layers.reduce((n, l) => n + (l.featureCount ?? 0), 0) : null,
    }) as NonNullable<Staged['job']>;
    const done = new Map<string, number>();
    return importFile(ctx.db, {
      file: staging.source(s),
      label: s.files.length === 1 ? s.files[0] : undefined,
      organisation: o.org,
      name: o.name,
      title: o.title,
      srs: c.srs || undefined,
      layer: c.layer || undefined,
      encoding: c.encoding || undefined,
      accessClass: o.access,
      replace: o.replace,
      keepVersions: ctx.config.keepVersions,
      actor: o.p,
      maxFeatures: ctx.config.maxImportFeatures,
      pool: pool(),
      mayWrite: (layerName) => !ctx.catalogue.unguardedGet(layerName) || !!ctx.catalogue.find(o.p, layerName),
      onProgress: (layer, read) => {
        done.set(layer, read);
        job.read = [...done.values()].reduce((a, b) => a + b, 0);
      },
    })
      .then(async (r) => {
        await ctx.catalogue.reload();
        ctx.log.info('layer imported (wizard)', {
          user: o.p.username,
          file: r.file,
          layers: r.layers.map((l) => l.layer.name),
        });
        job.result = r.layers.map(({ layer, report }) => ({
          name: layer.name,
          status: layer.status,
          featureCount: report.written ?? layer.featureCount,
          version: report.version ?? null,
        }));
        job.state = 'done';
      })
      .catch((err: unknown) => {
        job.error = err instanceof OgcError ? err.message : 'the import stopped';
        job.state = 'failed';
        if (!(err instanceof OgcError)) ctx.log.error('wizard import failed', { error: String(err) });
      })
      .finally(() => staging.removeFiles(s));
  }

  function resultPage(req: Request, res: Response, s: Staged) {
    const lang = pageLanguage(req, res);
    sendWorkspace(req, res, 'ws-upload-check', {
      title: w(lang, 'uploadTitle'),
      head: HEAD,
      id: s.id,
      d: null,
      job: s.job,
      replace: s.replace ? replaceable(userOf(res), s.replace) : undefined,
    });
  }

  ctx.onClose.push(() => staging.close());
}
