import { NotFoundError, type KooPhoneClient } from '../../client';
import type { PhoneApp } from '../../schemas/resources/app-installation';
import { mapLimit } from '../core/map-limit';

/**
 * The drift reader (docs/api/commands.md "Reading installed apps"): app-list, one phone per call because the
 * endpoint takes one instance id in its path, third-party apps only (app_type 2), 200 per page. It reads name and
 * version without running anything on the phone; `dumpsys package` through sync-command would cut its output at
 * 1,024 characters. At most READ_CONCURRENCY phones are read at once.
 */
export const READ_CONCURRENCY = 8;
const PAGE_SIZE = 200;

/** The installed version of `packageName` on one phone: null when absent, `undefined` when the phone is gone. */
export async function installedVersion(
  client: KooPhoneClient,
  instanceId: string,
  packageName: string,
): Promise<string | null | undefined> {
  try {
    let seen = 0;
    for (let pageNo = 1; ; pageNo++) {
      const page = await client.listInstanceApps(instanceId, { pageNo, pageSize: PAGE_SIZE, appType: 2 });
      const app = page.result.find((a) => a.app_pkg === packageName);
      if (app) return app.app_version ?? '';
      seen += page.result.length;
      if (page.result.length === 0 || seen >= page.totalCount) return null;
    }
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

/**
 * What a refresh finds on each phone: `installed` at the wanted version, `outdated` at another, `missing` when absent
 * (or the phone is gone). A phone whose install failed and still lacks the app stays `failed` with its reason.
 */
export async function readInstallations(
  client: KooPhoneClient,
  instanceIds: readonly string[],
  packageName: string,
  wanted: string,
  previous: readonly PhoneApp[],
): Promise<PhoneApp[]> {
  const before = new Map(previous.map((p) => [p.instanceId, p]));
  return mapLimit(instanceIds, READ_CONCURRENCY, async (instanceId): Promise<PhoneApp> => {
    const version = await installedVersion(client, instanceId, packageName);
    const clean = { instanceId, errorCode: '', errorMessage: '' };
    if (version === wanted) return { ...clean, status: 'installed', version };
    if (typeof version === 'string') return { ...clean, status: 'outdated', version };
    const prev = before.get(instanceId);
    if (prev?.status === 'failed') return { ...prev, version: '' };
    return {
      ...clean,
      status: 'missing',
      version: '',
      errorMessage: version === undefined ? 'the phone no longer exists' : '',
    };
  });
}
